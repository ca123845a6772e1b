// The production server (`npm run demo` / `npm start` run it): Next.js in this process, with the
// public pages' front cache (lib/public-cache/public-page-cache.ts) answering repeat requests for
// a public page from memory. Everything else — and every first request — goes to Next unchanged.
//
// How a page enters the cache: after Next has answered a cacheable request, the server asks itself
// for the same page once more (marked, so that request passes straight to Next) without
// compression, and keeps the HTML and its gzip if Next marked the page publicly cacheable
// (s-maxage: the ISR pages, never the per-request ones). Publishing empties it (revalidatePublicPages).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";

import next from "next";

import { isStorableResponse, publicPageCache, publicPageKey, storePublicPage, type CachedPage } from "@/lib/public-cache/public-page-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "127.0.0.1";
/** Where the server asks itself for a page: the address it listens on (loopback when on all). */
const fillHost = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname.includes(":") ? `[${hostname}]` : hostname;
/** Marks the server's own fill requests; made per start, never sent to clients. */
const FILL_HEADER = "x-par-cache-fill";
const fillToken = randomBytes(16).toString("hex");
/** Not replayed: hop-by-hop, or set per answer. */
const SKIPPED_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

async function main(): Promise<void> {
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    const key = request.headers[FILL_HEADER] === fillToken ? null : publicPageKey(request.method, request.url, request.headers);
    const page = key === null ? undefined : publicPageCache().pages.get(key);
    if (page) {
      sendCached(request, response, page);
      return;
    }
    handle(request, response)
      .then(() => {
        if (key !== null && response.statusCode === 200) void fill(key);
      })
      .catch((error: unknown) => {
        // Next answers its own errors; this is only for one escaping it, which must not stop the server.
        console.error(error);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  server.listen(port, hostname, () => console.log(`▲ Next.js production server on http://${hostname}:${port} (public pages served from memory after their first request)`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
  }
}

async function fill(key: string): Promise<void> {
  const cache = publicPageCache();
  if (cache.filling.has(key)) return;
  cache.filling.add(key);
  const generation = cache.generation;
  try {
    const response = await fetch(`http://${fillHost}:${port}${key}`, { headers: { [FILL_HEADER]: fillToken, "accept-encoding": "identity" }, redirect: "manual" });
    const body = Buffer.from(await response.arrayBuffer());
    if (!isStorableResponse(response.status, response.headers.get("cache-control"), response.headers.getSetCookie().length > 0)) return;
    const headers = [...response.headers].filter(([name]) => !SKIPPED_HEADERS.has(name));
    storePublicPage(key, { headers, identity: body, gzip: gzipSync(body) }, generation);
  } catch (error) {
    console.error(`Front cache: could not fill ${key}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    cache.filling.delete(key);
  }
}

function sendCached(request: IncomingMessage, response: ServerResponse, page: CachedPage): void {
  const isGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  const body = isGzip ? page.gzip : page.identity;
  for (const [name, value] of page.headers) response.setHeader(name, name === "vary" ? `${value}, Accept-Encoding` : value);
  if (!response.hasHeader("vary")) response.setHeader("vary", "Accept-Encoding");
  if (isGzip) response.setHeader("content-encoding", "gzip");
  response.setHeader("content-length", body.length);
  response.setHeader("x-par-cache", "HIT");
  response.writeHead(200);
  response.end(request.method === "HEAD" ? undefined : body);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
