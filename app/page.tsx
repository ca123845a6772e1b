import { RankingTable } from "@/components/tables/ranking-table";
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
      {ranking.unitTypes.map((unitType) => (
        <section key={unitType.unitTypeId} aria-labelledby={`unit-type-${unitType.unitTypeId}`} className="space-y-2">
          <h2 id={`unit-type-${unitType.unitTypeId}`} className="text-xl font-semibold">
            {unitType.unitTypeName}{" "}
            <span className="text-base font-normal text-slate-600">
              ({interpolate(messages.home.agencyCount, { count: unitType.rows.length })})
            </span>
          </h2>
          <RankingTable
            caption={interpolate(messages.home.unitTypeCaption, { unitType: unitType.unitTypeName, year: ranking.year })}
            rows={unitType.rows}
            precision={ranking.precision}
          />
        </section>
      ))}
    </article>
  );
}
