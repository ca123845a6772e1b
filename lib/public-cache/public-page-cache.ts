// A front cache of the public pages' finished HTML, kept by the production server
// (scripts/production-server.ts) in front of Next.js. Next already caches these pages (ISR), but
// serving a cached page through its request pipeline costs a few milliseconds of CPU; a published
// leaderboard is read by thousands at once and changes once a year, so the server answers repeat
// requests straight from memory. Entries are filled only from pages Next itself marks cacheable
// (s-maxage) and are dropped whenever the public pages are revalidated (revalidatePublicPages).
// No Next or React imports: the server script loads it before Next.

export type CachedPage = {
  /** Response headers to replay, without hop-by-hop, length and encoding headers. */
  headers: [string, string][];
  identity: Buffer;
  gzip: Buffer;
};

type PublicPageCache = {
  /** Bumped by every clear, so a fill that started before a publication is not stored after it. */
  generation: number;
  pages: Map<string, CachedPage>;
  filling: Set<string>;
};

// The server script and Next's server bundles are different module graphs in one process:
// globalThis is what they share.
const CACHE_KEY = Symbol.for("par-index.public-page-cache");
/** Far above a province's public pages (years × unit types + agencies); oldest dropped first. */
export const MAX_CACHED_PAGES = 5_000;

export function publicPageCache(): PublicPageCache {
  const holder = globalThis as { [CACHE_KEY]?: PublicPageCache };
  holder[CACHE_KEY] ??= { generation: 0, pages: new Map(), filling: new Set() };
  return holder[CACHE_KEY];
}

/** Drops every cached page; the next request of each is rendered from the database again. */
export function clearPublicPageCache(): void {
  const cache = publicPageCache();
  cache.generation += 1;
  cache.pages.clear();
}

export function storePublicPage(path: string, page: CachedPage, generation: number): boolean {
  const cache = publicPageCache();
  if (generation !== cache.generation) return false;
  if (cache.pages.size >= MAX_CACHED_PAGES) cache.pages.delete(cache.pages.keys().next().value as string);
  cache.pages.set(path, page);
  return true;
}

/** The public pages: leaderboards, year summaries, methodology, agency profiles. */
const PUBLIC_PAGE = /^\/(?:tong-quan|phuong-phap|nam\/(?:\d{4}|moi-nhat)(?:\/khoi\/[a-z0-9-]+|\/tong-quan|\/phuong-phap)?|don-vi\/[a-z0-9-]+)?$/;

/**
 * The cache key of a request the front cache may answer, or null: a plain GET or HEAD of a public
 * page with no query string (search and sort are rendered per request) and none of the headers
 * with which Next's client router asks for a page's RSC payload instead of its HTML.
 */
export function publicPageKey(method: string | undefined, url: string | undefined, headers: Record<string, string | string[] | undefined>): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url || url.includes("?")) return null;
  if (headers["rsc"] !== undefined || headers["next-router-prefetch"] !== undefined || headers["next-router-state-tree"] !== undefined || headers["next-action"] !== undefined) {
    return null;
  }
  return PUBLIC_PAGE.test(url) ? url : null;
}

/** Whether Next's answer may be kept: a 200 page Next itself caches publicly, setting no cookie. */
export function isStorableResponse(status: number, cacheControl: string | null, hasSetCookie: boolean): boolean {
  return status === 200 && !hasSetCookie && cacheControl !== null && /(?:^|,\s*)s-maxage=\d+/.test(cacheControl) && !/private|no-store/.test(cacheControl);
}
