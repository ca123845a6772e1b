import { beforeEach, describe, expect, it } from "vitest";

import {
  clearPublicPageCache,
  isStorableResponse,
  MAX_CACHED_PAGES,
  publicPageCache,
  publicPageKey,
  storePublicPage,
  type CachedPage,
} from "@/lib/public-cache/public-page-cache";

const page = (text: string): CachedPage => ({ headers: [["content-type", "text/html"]], identity: Buffer.from(text), gzip: Buffer.from(text) });

describe("publicPageKey", () => {
  it("answers plain GET and HEAD requests of the public pages", () => {
    for (const url of ["/", "/tong-quan", "/phuong-phap", "/nam/2025", "/nam/moi-nhat", "/nam/2025/khoi/so-ban-nganh", "/nam/2024/tong-quan", "/nam/2024/phuong-phap", "/don-vi/so-tu-phap"]) {
      expect(publicPageKey("GET", url, {}), url).toBe(url);
    }
    expect(publicPageKey("HEAD", "/", {})).toBe("/");
  });

  it("leaves to Next what depends on the request: queries, the client router's RSC requests, actions, other methods", () => {
    expect(publicPageKey("GET", "/nam/2025/khoi/so-ban-nganh?q=so+tu+phap", {})).toBeNull();
    expect(publicPageKey("GET", "/?utm=x", {})).toBeNull();
    expect(publicPageKey("GET", "/nam/2025", { rsc: "1" })).toBeNull();
    expect(publicPageKey("GET", "/nam/2025", { "next-router-prefetch": "1" })).toBeNull();
    expect(publicPageKey("POST", "/", { "next-action": "abc" })).toBeNull();
    expect(publicPageKey("POST", "/", {})).toBeNull();
  });

  it("never answers the workspace, sign-in, API or open data files", () => {
    for (const url of ["/quan-tri", "/co-quan/tu-danh-gia", "/tham-dinh", "/dang-nhap", "/api/public/results/2025.csv", "/du-lieu-mo", "/sitemap.xml", "/nam/2025/khoi/so-ban-nganh/loc", "/nam/20x5"]) {
      expect(publicPageKey("GET", url, {}), url).toBeNull();
    }
  });
});

describe("isStorableResponse", () => {
  it("keeps only 200 pages that Next caches publicly and that set no cookie", () => {
    expect(isStorableResponse(200, "s-maxage=31536000", false)).toBe(true);
    expect(isStorableResponse(200, "s-maxage=60, stale-while-revalidate=31535940", false)).toBe(true);
    expect(isStorableResponse(404, "s-maxage=31536000", false)).toBe(false);
    expect(isStorableResponse(200, "private, no-cache, no-store, max-age=0, must-revalidate", false)).toBe(false);
    expect(isStorableResponse(200, null, false)).toBe(false);
    expect(isStorableResponse(200, "s-maxage=31536000", true)).toBe(false);
  });
});

describe("the cache", () => {
  beforeEach(() => clearPublicPageCache());

  it("drops a fill that started before a clear (a publication during the fill)", () => {
    const generation = publicPageCache().generation;
    expect(storePublicPage("/", page("2025"), generation)).toBe(true);
    clearPublicPageCache();
    expect(publicPageCache().pages.size).toBe(0);
    expect(storePublicPage("/", page("stale 2025"), generation)).toBe(false);
    expect(publicPageCache().pages.has("/")).toBe(false);
  });

  it("keeps at most MAX_CACHED_PAGES, dropping the oldest", () => {
    const generation = publicPageCache().generation;
    for (let index = 0; index <= MAX_CACHED_PAGES; index += 1) storePublicPage(`/don-vi/don-vi-${index}`, page(String(index)), generation);
    expect(publicPageCache().pages.size).toBe(MAX_CACHED_PAGES);
    expect(publicPageCache().pages.has("/don-vi/don-vi-0")).toBe(false);
    expect(publicPageCache().pages.has(`/don-vi/don-vi-${MAX_CACHED_PAGES}`)).toBe(true);
  });
});
