import { PublishedRanking } from "@/components/tables/published-ranking";
import { getLatestPublishedRanking } from "@/lib/services/get-latest-published-ranking";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

// Read at request time: the database is not there while `next build` runs.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const messages = getMessages("vi");
  const ranking = await getLatestPublishedRanking();
  if (!ranking) {
    return <p className="text-lg">{messages.home.noPublishedYear}</p>;
  }
  return (
    <article className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-brand-800">{interpolate(messages.home.title, { year: ranking.year })}</h1>
        <p className="text-slate-700">
          {interpolate(messages.home.announcement, {
            number: ranking.publication.number,
            date: formatDate(ranking.publication.issuedOn),
          })}
        </p>
      </header>
      <PublishedRanking snapshot={ranking} />
    </article>
  );
}
