/**
 * The site's public address, for absolute URLs (Open Graph, sitemap.xml, robots.txt):
 * PUBLIC_SITE_URL, else NEXTAUTH_URL (the address users sign in at), else the local default.
 */
export function publicSiteUrl(): URL {
  return new URL(process.env.PUBLIC_SITE_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000");
}
