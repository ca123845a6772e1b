import type { MetadataRoute } from "next";

import { getPublicSiteMap } from "@/lib/services/get-public-site-map";
import { publicSiteUrl } from "@/lib/site-url";

// Read per request (a few small queries): the database is not there while `next build` runs.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicSiteUrl();
  const url = (path: string) => new URL(path, base).toString();
  const { years, agencies } = await getPublicSiteMap();
  const latest = years[0]?.lastModified;
  return [
    ...["/", "/tong-quan", "/phuong-phap", "/du-lieu-mo"].map((path) => ({ url: url(path), lastModified: latest })),
    ...years.flatMap(({ year, unitTypeCodes, lastModified }) => [
      ...[`/nam/${year}`, ...unitTypeCodes.map((code) => `/nam/${year}/khoi/${code}`), `/nam/${year}/tong-quan`, `/nam/${year}/phuong-phap`].map((path) => ({
        url: url(path),
        lastModified,
      })),
    ]),
    ...agencies.map(({ slug, lastModified }) => ({ url: url(`/don-vi/${slug}`), lastModified })),
  ];
}
