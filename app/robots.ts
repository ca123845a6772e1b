import type { MetadataRoute } from "next";
import { publicSiteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** The public pages are for everyone; the workspace and the search/sort variants are not for crawlers. */
export default function robots(): MetadataRoute.Robots {
  const base = publicSiteUrl();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/lam-viec", "/co-quan", "/tham-dinh", "/quan-tri", "/doi-mat-khau", "/dang-nhap", "/api/admin/", "/api/assessments/", "/api/evidence/", "/api/auth/"] },
    sitemap: new URL("/sitemap.xml", base).toString(),
  };
}
