import type { Metadata } from "next";

import { methodologyPath, MethodologyView } from "@/components/public/methodology";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { noPagesAtBuildTime } from "../../../year-segment";
import { yearPageMetadata } from "../year-page-metadata";
import { loadMethodology } from "./load-methodology";

// Cached after the first request until a publication revalidates it ("/phuong-phap" is rewritten here).
export const revalidate = false;
export const generateStaticParams = noPagesAtBuildTime;

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const methodology = await loadMethodology((await params).year);
  const { publicMethodology, publicSite, home } = getMessages("vi");
  if (!methodology) return yearPageMetadata(publicSite.nav.methodology, home.noPublishedYear, "/phuong-phap");
  return yearPageMetadata(
    interpolate(publicMethodology.title, { year: methodology.year }),
    interpolate(publicMethodology.description, { year: methodology.year }),
    methodologyPath(methodology.year),
  );
}

export default async function MethodologyPage({ params }: Props) {
  const methodology = await loadMethodology((await params).year);
  if (!methodology) return <p className="text-lg">{getMessages("vi").home.noPublishedYear}</p>;
  return <MethodologyView methodology={methodology} />;
}
