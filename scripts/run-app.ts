// Runs the app with its database: `npm run demo` (production build + demo province), `npm run dev`
// (next dev + demo province), `npm start` (production build, no demo data).
//
// 1. DATABASE_URL, or an embedded PostgreSQL under .data/ when it is unset;
// 2. pending migrations applied; the demo province loaded on first start only (demo/dev);
// 3. `next build` when the sources are newer than the last build (demo/start);
// 4. Next.js served with DATABASE_URL set (scripts/production-server.ts, or `next dev`); Ctrl-C
//    stops Next, then PostgreSQL, cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

import { DatabaseConfigError, startDatabaseServer, type DatabaseServer } from "@/lib/db/database-server";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { findPortProblem } from "@/lib/port-probe";
import { DEMO_USERS } from "@/prisma/seed/demo-province";

import { printDemoAccounts } from "./print-demo-accounts";

type Mode = "demo" | "dev" | "start";

class AppStartError extends Error {}

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
/** Next.js with the public pages' front cache (see the file). */
const PRODUCTION_SERVER = path.resolve("scripts/production-server.ts");
const BUILD_INPUTS = ["app", "components", "lib", "public", "types", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "tsconfig.app.json"];

async function main(): Promise<void> {
  const mode = parseMode(process.argv[2]);
  const port = parsePort(process.env.PORT ?? "3000");
  await assertPortFree(port);

  const startedAt = Date.now();
  const server = await startDatabaseServer();
  let child: ChildProcess | null = null;
  let isShuttingDown = false;

  const shutdown = async (exitCode: number) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await waitForExit(child, 10_000);
    }
    await stopQuietly(server);
    process.exit(exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.log("\nĐang dừng… (stopping)");
      void shutdown(0);
    });
  }

  try {
    console.log(`Database: ${server.description}`);
    const prepared = await prepareDatabase(server.url, { shouldSeedDemo: mode !== "start" });
    if (prepared.appliedMigrationNames.length > 0) {
      console.log(`Applied ${prepared.appliedMigrationNames.length} migration(s): ${prepared.appliedMigrationNames.join(", ")}`);
    }
    if (prepared.seed) {
      const { counts } = prepared.seed;
      console.log(`Demo province loaded: ${counts.agencies} agencies, ${counts.assessments} assessments, ${counts.results} results.`);
    }
    if (mode !== "dev" && isBuildStale()) {
      console.log("Building the app (next build)…");
      await run(process.execPath, [NEXT_BIN, "build"], nextEnv(server, port));
    }
  } catch (error) {
    await stopQuietly(server);
    throw error;
  }

  if (mode !== "start") printDemoAccounts(DEMO_USERS);
  if (mode !== "dev") clearRouteCache();
  const hostname = process.env.HOSTNAME ?? "127.0.0.1";
  const command = mode === "dev" ? [NEXT_BIN, "dev", "--port", String(port), "--hostname", hostname] : ["--import", "tsx", PRODUCTION_SERVER];
  child = spawn(process.execPath, command, {
    stdio: "inherit",
    env: { ...nextEnv(server, port), PORT: String(port), HOSTNAME: hostname, NODE_ENV: mode === "dev" ? "development" : "production" },
  });
  console.log(`PAR Index: http://localhost:${port} — database ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s, starting Next.js (Ctrl-C to stop)`);
  child.on("exit", (code) => {
    if (!isShuttingDown) {
      console.error(`Next.js stopped (exit code ${code ?? "signal"}).`);
      void shutdown(code ?? 1);
    }
  });
}

function nextEnv(server: DatabaseServer, port: number): NodeJS.ProcessEnv {
  return {
    // The machines this runs on are often offline: no telemetry calls.
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://localhost:${port}`,
    ...process.env,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
    DATABASE_URL: server.url,
  };
}

/**
 * The key that signs session cookies, when NEXTAUTH_SECRET is not given: made once per machine and
 * kept beside the data, so sessions survive restarts. A deployment sets NEXTAUTH_SECRET instead.
 */
function localAuthSecret(): string {
  const file = path.join(path.resolve(process.env.PAR_DATA_DIR ?? ".data"), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * Pages Next rendered and cached at run time (the public pages) are kept on disk under
 * .next/server/route-cache and served again after a restart — from whatever database the last
 * run used. This app's data lives in the database, not the build: start with an empty page cache.
 */
function clearRouteCache(): void {
  rmSync(path.resolve(".next/server/route-cache"), { recursive: true, force: true });
}

function parseMode(value: string | undefined): Mode {
  if (value === "demo" || value === "dev" || value === "start") return value;
  throw new AppStartError(`Usage: tsx scripts/run-app.ts demo|dev|start (got "${value ?? ""}")`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new AppStartError(`PORT must be a number from 1 to 65535 (got "${value}").`);
  return port;
}

async function assertPortFree(port: number): Promise<void> {
  const problem = await findPortProblem(port);
  if (!problem) return;
  throw problem.code === "EADDRINUSE"
    ? new AppStartError(`Port ${port} is already in use. Stop the program using it, or choose another port: PORT=3001 npm run demo`)
    : problem;
}

/** True when there is no production build, or a source file changed since it was made. */
function isBuildStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestModification(path.resolve(input)) > builtAt);
}

function newestModification(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target, { withFileTypes: true })
    .filter((entry) => entry.name !== "generated" && entry.name !== "node_modules")
    .reduce((newest, entry) => Math.max(newest, newestModification(path.join(target, entry.name))), stats.mtimeMs);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new AppStartError(`\`next ${args.slice(1).join(" ")}\` failed (exit code ${code}).`))));
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function stopQuietly(server: DatabaseServer): Promise<void> {
  try {
    await server.stop();
  } catch (error) {
    console.error(`Could not stop PostgreSQL cleanly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  const isExpected = error instanceof DatabaseConfigError || error instanceof AppStartError;
  console.error(isExpected ? (error as Error).message : `Could not start PAR Index: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
