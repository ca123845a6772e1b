// `npm run bench:public`: how fast the public leaderboard is served (issue 8, "Speed").
// 1. `next build` with no database at hand (the public pages must not need one at build time);
// 2. the production server with the demo province (`npm run demo` on a throw-away data directory,
//    port 3320, embedded PostgreSQL on 54392: apart from the e2e tests' and bench:save's ports);
// 3. autocannon on loopback: 50 connections for 20 s on "/" (the latest year's leaderboard);
// 4. the leaderboard route's first-load JavaScript, from the build's own per-route list
//    (.next/diagnostics/route-bundle-stats.json), gzip-compressed as a server would send it.
// Prints figures against the targets (≥ 1,000 req/s, p99 ≤ 100 ms, ≤ 200 KB); exit code 1 only
// when something failed (a non-200 answer, an error), not when a figure misses its target.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { z } from "zod";

import { stopApp, waitForApp } from "./bench-app";

const PORT = 3320;
const PG_PORT = 54392;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PATH = process.env.BENCH_PATH ?? "/";
/** The route "/" is rewritten to (next.config.ts), as the build lists it. */
const LEADERBOARD_ROUTE = "/nam/[year]";
const START_TIMEOUT_MS = 10 * 60_000;
const TARGETS = { requestsPerSecond: 1_000, p99Ms: 100, firstLoadKb: 200 };

const ZAutocannonResult = z.object({
  requests: z.object({ average: z.number(), total: z.number() }),
  latency: z.object({ p50: z.number(), p99: z.number(), average: z.number(), max: z.number() }),
  throughput: z.object({ average: z.number() }),
  errors: z.number(),
  timeouts: z.number(),
  non2xx: z.number(),
  duration: z.number(),
});

const ZRouteBundleStats = z.array(z.object({ route: z.string(), firstLoadUncompressedJsBytes: z.number(), firstLoadChunkPaths: z.array(z.string()) }));

async function main(): Promise<void> {
  console.log("1/4 next build (no DATABASE_URL: the public pages must build without a database)…");
  const buildEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete buildEnv["DATABASE_URL"];
  const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: ["ignore", "ignore", "inherit"], env: buildEnv });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-bench-public-"));
  const logFile = path.join(dataDir, "app.log");
  const logFd = openSync(logFile, "a");
  console.log(`2/4 starting the production server (npm run demo, port ${PORT}, PostgreSQL ${PG_PORT}); log in ${logFile}…`);
  const app = spawn("npm", ["run", "demo"], {
    stdio: ["ignore", logFd, logFd],
    detached: true,
    env: { ...process.env, PAR_DATA_DIR: dataDir, PORT: String(PORT), PGPORT_EMBEDDED: String(PG_PORT), HOSTNAME: "127.0.0.1", NEXTAUTH_SECRET: randomBytes(32).toString("hex") },
  });
  closeSync(logFd);
  let isFailed = false;
  try {
    await waitForApp(app, BASE_URL, START_TIMEOUT_MS);
    // The first request renders the page and caches it; the load then measures the cached page.
    const first = await fetch(`${BASE_URL}${PATH}`);
    const html = await first.text();
    if (first.status !== 200) throw new Error(`${PATH} answered ${first.status}`);
    const second = await fetch(`${BASE_URL}${PATH}`);
    await second.text();
    console.log(`   ${PATH}: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB of HTML (${(gzipSync(html).length / 1024).toFixed(1)} KB gzip), second request answered from the front cache: ${second.headers.get("x-par-cache") === "HIT" ? "yes" : "no"}`);

    console.log(`3/4 autocannon: ${CONNECTIONS} connections for ${SECONDS} s on ${BASE_URL}${PATH}…`);
    const serverPid = app.pid === undefined ? undefined : findDescendant(app.pid, "production-server");
    const cpuBefore = serverPid === undefined ? 0 : cpuMilliseconds(serverPid);
    const load = runAutocannon(`${BASE_URL}${PATH}`);
    const cpuPerRequest = serverPid === undefined ? null : (cpuMilliseconds(serverPid) - cpuBefore) / Math.max(1, load.requests.total);
    const rps = load.requests.average;
    console.log(`   requests/s: ${rps.toFixed(0)} (target ≥ ${TARGETS.requestsPerSecond}) — ${rps >= TARGETS.requestsPerSecond ? "met" : "MISSED"}`);
    console.log(`   latency p50: ${load.latency.p50} ms, p99: ${load.latency.p99} ms (target ≤ ${TARGETS.p99Ms}) — ${load.latency.p99 <= TARGETS.p99Ms ? "met" : "MISSED"}; max ${load.latency.max} ms`);
    console.log(`   ${load.requests.total} requests, ${(load.throughput.average / 1024 / 1024).toFixed(1)} MB/s, non-2xx: ${load.non2xx}, errors: ${load.errors}, timeouts: ${load.timeouts}`);
    console.log(`   server CPU per request: ${cpuPerRequest === null ? "unknown" : `${cpuPerRequest.toFixed(2)} ms`}; load average ${os.loadavg().map((value) => value.toFixed(1)).join(" ")} (the machine's other work competes with the figures above)`);
    if (load.non2xx > 0 || load.errors > 0 || load.timeouts > 0) isFailed = true;
  } catch (error) {
    isFailed = true;
    console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error(readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n"));
  } finally {
    await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log(`4/4 first-load JavaScript of ${LEADERBOARD_ROUTE} (what "/" serves)…`);
  const statsFile = ".next/diagnostics/route-bundle-stats.json";
  if (!existsSync(statsFile)) throw new Error(`${statsFile} is missing: the build did not write its route statistics`);
  const route = ZRouteBundleStats.parse(JSON.parse(readFileSync(statsFile, "utf8"))).find((entry) => entry.route === LEADERBOARD_ROUTE);
  if (!route) throw new Error(`${LEADERBOARD_ROUTE} is not in ${statsFile}`);
  const gzipBytes = route.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSync(readFileSync(chunk), { level: 9 }).length, 0);
  const kb = gzipBytes / 1024;
  console.log(`   ${route.firstLoadChunkPaths.length} chunks, ${(route.firstLoadUncompressedJsBytes / 1024).toFixed(0)} KB uncompressed, ${kb.toFixed(1)} KB gzip (target ≤ ${TARGETS.firstLoadKb} KB) — ${kb <= TARGETS.firstLoadKb ? "met" : "MISSED"}`);
  const chunksText = route.firstLoadChunkPaths.map((chunk) => readFileSync(chunk, "utf8")).join("\n");
  // recharts must arrive only when a chart is scrolled to: none of its code in the first load.
  const hasRecharts = /recharts-(?:wrapper|surface|cartesian)/.test(chunksText);
  console.log(`   recharts in the first load: ${hasRecharts ? "YES (should be lazy)" : "no (loaded when a chart is scrolled to)"}`);
  if (hasRecharts) isFailed = true;
  process.exitCode = isFailed ? 1 : 0;
}

function runAutocannon(url: string) {
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/autocannon/autocannon.js"), "--json", "--connections", String(CONNECTIONS), "--duration", String(SECONDS), url],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`autocannon failed (exit ${result.status}): ${result.stderr}`);
  return ZAutocannonResult.parse(JSON.parse(result.stdout));
}

/** The first process below `pid` whose command line contains `name` (Linux /proc). */
function findDescendant(pid: number, name: string): number | undefined {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((candidate) => /^\d+$/.test(candidate))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const isBelow = (candidate: number): boolean => {
    for (let current = parentOf.get(candidate); current !== undefined && current > 1; current = parentOf.get(current)) if (current === pid) return true;
    return false;
  };
  return [...parentOf.keys()].find((candidate) => isBelow(candidate) && readFileSync(`/proc/${candidate}/cmdline`, "utf8").includes(name));
}

/** User + system CPU time a process has used so far, in ms. */
function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
