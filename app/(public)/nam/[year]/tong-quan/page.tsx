import type { Metadata } from "next";

import { summaryPath, YearSummaryView } from "@/components/public/year-summary";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { noPagesAtBuildTime } from "../../../year-segment";
import { yearPageMetadata } from "../year-page-metadata";
import { loadSummary } from "./load-summary";

// Cached after the first request until a publication revalidates it ("/tong-quan" is rewritten here).
export const revalidate = false;
export const generateStaticParams = noPagesAtBuildTime;

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const summary = await loadSummary((await params).year);
  const { publicSummary, publicSite, home } = getMessages("vi");
  if (!summary) return yearPageMetadata(publicSite.nav.summary, home.noPublishedYear, "/tong-quan");
  return yearPageMetadata(
    interpolate(publicSummary.title, { year: summary.year }),
    interpolate(publicSummary.description, { year: summary.year }),
    summaryPath(summary.year),
  );
}

export default async function YearSummaryPage({ params }: Props) {
  const summary = await loadSummary((await params).year);
  if (!summary) return <p className="text-lg">{getMessages("vi").home.noPublishedYear}</p>;
  return <YearSummaryView summary={summary} />;
}
