// Prisma migrations without the Prisma CLI's native schema engine, which it cannot download on an
// isolated network (shared/notes/prisma-offline.md). We drive Prisma's own engine compiled to
// WebAssembly, so migration folders, `_prisma_migrations` rows and checksums are exactly Prisma's,
// and a later switch back to `prisma migrate` sees the same history.
//
// Used by CLI scripts run with tsx and by integration tests, never by the Next.js app.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type ErrorRegistry,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export const DEFAULT_SCHEMA_PATH = "prisma/schema.prisma";
export const DEFAULT_MIGRATIONS_DIR = "prisma/migrations";

export type SchemaEngineOptions = {
  /** A `.prisma` file, or a folder of them (multi-file schema). Relative to the current directory. */
  schemaPath?: string;
  /** The migrations folder. Relative to the current directory. */
  migrationsDir?: string;
  /** Receives the engine's own log lines (JSON); silent by default. */
  onLog?: (line: string) => void;
};

/** Equivalent of `prisma migrate deploy`: applies the migrations the database has not recorded yet. */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
  options: Pick<SchemaEngineOptions, "onLog"> = {},
): Promise<{ appliedMigrationNames: string[] }> {
  const migrationsList = await readMigrationsList(migrationsDir);
  // No datamodel: deploy needs only the migration files, and the adapter already says "postgres".
  return withSchemaEngine(databaseUrl, undefined, options.onLog, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return { appliedMigrationNames };
  });
}

/**
 * The SQL that would bring a database built from the migrations folder to the Prisma schema
 * (`prisma migrate diff --from-migrations … --to-schema … --script --exit-code`). The migrations
 * are replayed into a throwaway shadow database on the same server, so the user in `databaseUrl`
 * needs CREATEDB. `sql` is empty when they are in sync.
 */
export async function diffMigrationsToSchema(
  databaseUrl: string,
  options: SchemaEngineOptions = {},
): Promise<{ sql: string; isInSync: boolean }> {
  const [schemaFiles, migrationsList] = await Promise.all([
    readSchemaFiles(options.schemaPath ?? DEFAULT_SCHEMA_PATH),
    readMigrationsList(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR),
  ]);
  const lockfileContent = migrationsList.lockfile.content ?? POSTGRESQL_LOCKFILE;
  return withSchemaEngine(databaseUrl, schemaFiles, options.onLog, async (engine) => {
    const result = await engine.diff({
      // The engine refuses a migrations folder without migration_lock.toml ("Could not determine
      // the connector"), as every project has before its first migration. Diffing from "empty"
      // instead would add a CREATE SCHEMA that createMigration does not write.
      from: { tag: "migrations", ...migrationsList, lockfile: { ...migrationsList.lockfile, content: lockfileContent } },
      to: { tag: "schemaDatamodel", files: schemaFiles },
      script: true,
      // With exitCode the engine reports 2 for a non-empty diff, which is the in-sync test; its
      // empty script is a comment ("-- This is an empty migration."), not an empty string.
      exitCode: true,
      filters: NO_FILTER,
    });
    const isInSync = result.exitCode === 0;
    return { sql: isInSync ? "" : (result.stdout ?? ""), isInSync };
  });
}

/**
 * Writes `<migrationsDir>/<timestamp>_<name>/migration.sql` for the difference between the
 * migrations folder and the schema, as `prisma migrate dev --create-only` would, and
 * `migration_lock.toml` when it is missing. Writes nothing and returns null when they are in sync.
 * It does not apply the migration, nor read the database at `databaseUrl`: the migrations are
 * replayed into throwaway databases on its server (the user needs CREATEDB).
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  options: SchemaEngineOptions = {},
): Promise<{ migrationName: string | null; migrationPath: string | null }> {
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const [schemaFiles, migrationsList] = await Promise.all([
    readSchemaFiles(options.schemaPath ?? DEFAULT_SCHEMA_PATH),
    readMigrationsList(migrationsDir),
  ]);
  // The engine's createMigration takes the schema the migrations produce only from a cache, and
  // fails with "PostgreSQL shadow DB must be provided through an external factory" when it is not
  // there. diagnoseMigrationHistory fills that cache, from the shadow database, but for the
  // migrations the main database has applied. So the main database here is a scratch one with
  // every migration applied: then the result does not depend on the state of the app's database
  // (behind after a pull, a failed migration…).
  const created = await withScratchDatabase(databaseUrl, (scratchUrl) =>
    withSchemaEngine(scratchUrl, schemaFiles, options.onLog, async (engine) => {
      await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: true, filters: NO_FILTER });
      return engine.createMigration({
        draft: false,
        migrationName: name,
        migrationsList,
        schema: { files: schemaFiles },
        filters: NO_FILTER,
      });
    }),
  );
  if (created.migrationScript === null) return { migrationName: null, migrationPath: null };

  const migrationName = created.generatedMigrationName;
  const migrationFolder = path.join(migrationsDir, migrationName);
  // recursive: false so that an existing folder of the same name is an error, not overwritten.
  await mkdir(migrationsDir, { recursive: true });
  await mkdir(migrationFolder, { recursive: false });
  const migrationPath = path.join(migrationFolder, `migration.${created.extension}`);
  await writeFile(migrationPath, created.migrationScript, "utf8");
  if (migrationsList.lockfile.content === null) {
    await writeFile(path.join(migrationsDir, migrationsList.lockfile.path), POSTGRESQL_LOCKFILE, "utf8");
  }
  return { migrationName, migrationPath };
}

/**
 * Equivalent of `prisma migrate resolve --rolled-back`: after a migration failed (P3018), the
 * database refuses new migrations (P3009) until the failure is marked as rolled back. Our migrations
 * run as one transaction, so a failed one left nothing behind: fix its SQL, mark it, apply again.
 */
export async function markMigrationRolledBack(
  databaseUrl: string,
  migrationName: string,
  options: Pick<SchemaEngineOptions, "onLog"> = {},
): Promise<void> {
  await withSchemaEngine(databaseUrl, undefined, options.onLog, (engine) =>
    engine.markMigrationRolledBack({ migrationName }),
  );
}

/**
 * An engine failure. `code` is Prisma's error code when there is one: P3018 a migration failed to
 * apply, P3009 the database records a failed migration, P3006 a migration fails on the shadow
 * database, P3005 the database is not empty but has no migration history, …
 */
export class SchemaEngineError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined, options?: ErrorOptions) {
    super(message, options);
    this.name = "SchemaEngineError";
    this.code = code;
  }
}

// Word for word what Prisma writes, so that `prisma migrate` would see no change.
const POSTGRESQL_LOCKFILE =
  "# Please do not edit this file manually\n" +
  "# It should be added in your version-control system (e.g., Git)\n" +
  'provider = "postgresql"\n';

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type SchemaFile = { path: string; content: string };

async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  const absolutePath = path.resolve(schemaPath);
  const info = await stat(absolutePath).catch(() => {
    throw new Error(`Prisma schema not found: ${schemaPath}`);
  });
  const filePaths = info.isDirectory()
    ? (await readdir(absolutePath, { recursive: true }))
        .filter((entry) => entry.endsWith(".prisma"))
        .sort()
        .map((entry) => path.join(absolutePath, entry))
    : [absolutePath];
  // The engine panics on an empty list of datamodels.
  if (filePaths.length === 0) throw new Error(`No .prisma file in ${schemaPath}`);
  return Promise.all(filePaths.map(async (filePath) => ({ path: filePath, content: await readFile(filePath, "utf8") })));
}

/** The migrations folder in the shape the engine expects, read the way Prisma's CLI reads it. */
async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockfilePath = "migration_lock.toml";
  const lockfileContent = await readFile(path.join(baseDir, lockfilePath), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    // No folder yet is a project with no migrations, not an error.
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const folderNames = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    // Prisma sorts with localeCompare; the timestamp prefix makes this chronological.
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    folderNames.map(async (folderName) => {
      const content = await readFile(path.join(baseDir, folderName, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: folderName, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir,
    lockfile: { path: lockfilePath, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function withClient<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Runs `run` with the URL of a new empty database on the server of `databaseUrl`, then drops it. */
async function withScratchDatabase<T>(databaseUrl: string, run: (scratchUrl: string) => Promise<T>): Promise<T> {
  const name = await createUniqueDatabase(databaseUrl, "prisma_scratch");
  try {
    return await run(urlOfDatabase(databaseUrl, name));
  } finally {
    await dropDatabase(databaseUrl, name);
  }
}

async function createUniqueDatabase(databaseUrl: string, prefix: string): Promise<string> {
  // The pid says which process left a database behind, should one ever be.
  const name = `${prefix}_${process.pid}_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withClient(databaseUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)).catch(
    (error: Error) => {
      throw new Error(`Cannot create a temporary database (${error.message}): the database user needs CREATEDB`, {
        cause: error,
      });
    },
  );
  return name;
}

async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  // FORCE: a connection left open by mistake must not keep the database alive.
  await withClient(databaseUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

function urlOfDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function withSchemaEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[] | undefined,
  onLog: ((line: string) => void) | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const { SchemaEngine } = await loadEngineBindings();
  const connections = new EngineConnections(databaseUrl);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(connections);
  // The engine takes [path, content] pairs, and undefined rather than [] for "no schema".
  const datamodels = schemaFiles?.map((file): [string, string] => [file.path, file.content]);
  let engine: SchemaEngine | undefined;
  let failure: unknown;
  try {
    engine = await SchemaEngine.new({ datamodels }, (line: string) => onLog?.(line), adapterFactory);
    return await run(engine);
  } catch (error) {
    failure = toSchemaEngineError(error, adapterFactory.errorRegistry, connections);
    throw failure;
  } finally {
    try {
      engine?.free();
    } catch {
      // After a panic no engine method is safe, free() included; the error above says what broke.
    }
    // The engine does not always await the adapters' dispose; shadow databases are dropped there.
    const disposeError = await connections.disposeAll();
    if (disposeError && failure === undefined) throw disposeError;
  }
}

let engineBindingsPromise: Promise<typeof engineBindings> | undefined;
let lastPanicMessage: string | undefined;

/**
 * The package entry does `import "./schema_engine_bg.wasm"`, which Node's ESM loader refuses, so we
 * instantiate the WebAssembly ourselves and hand it to the JS glue, as the entry would.
 */
function loadEngineBindings(): Promise<typeof engineBindings> {
  engineBindingsPromise ??= (async () => {
    // The glue reports Rust panics through this global; without it every panic reads as
    // "Cannot read properties of undefined (reading 'set_message')".
    const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanicMessage = message;
      },
    };
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(engineBindings) });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return engineBindings;
  })();
  return engineBindingsPromise;
}

/**
 * The engine arms 10-second timers (around the migration advisory lock) that it never clears, and
 * they kept every caller alive ~10 s after its work was done: scripts, and Vitest, which reported
 * "something prevents the main process from exiting" after its global setup applied migrations.
 * Unref'd, they still fire in a living process but no longer hold it open; while the engine is at
 * work, its open database connections do.
 */
function withUnrefTimers(bindings: typeof engineBindings): WebAssembly.ModuleImports {
  const imports = { ...bindings } as WebAssembly.ModuleImports;
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, milliseconds: number) => setTimeout(callback, milliseconds >>> 0).unref();
  }
  return imports;
}

/**
 * The engine's errors carry a Rust span trace after the message, name errors thrown in our adapter
 * only as "External error id#N", and reduce PostgreSQL's error for a failing migration to a vaguer
 * one ("No such table: Nope"). This makes one readable message of them.
 */
function toSchemaEngineError(error: unknown, errorRegistry: ErrorRegistry, connections: EngineConnections): Error {
  if (!(error instanceof Error)) return new SchemaEngineError(String(error), undefined, { cause: error });
  if (error instanceof WebAssembly.RuntimeError) {
    const reason = lastPanicMessage ?? error.message;
    // The WebAssembly instance is shared by the process and unusable after a panic.
    return new SchemaEngineError(`The Prisma schema engine crashed (restart the process): ${reason}`, undefined, {
      cause: error,
    });
  }
  const engineCode: unknown = (error as Error & { code?: unknown }).code;
  const code = typeof engineCode === "string" ? engineCode : undefined;
  const traceStart = error.message.search(/^\s+\d+: \S+::/m);
  const trace = traceStart === -1 ? "" : error.message.slice(traceStart);
  let message = (traceStart === -1 ? error.message : error.message.slice(0, traceStart)).trim();
  message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
    const registered = errorRegistry.consumeError(Number(id))?.error;
    return registered instanceof Error ? registered.message : text;
  });

  const scriptError = connections.lastScriptError;
  const vagueScriptError = message.indexOf("external connector error");
  if (scriptError && vagueScriptError !== -1) {
    const where = scriptError.line === undefined ? "" : `, migration.sql line ${scriptError.line}`;
    message = `${message.slice(0, vagueScriptError)}${scriptError.message} (SQLSTATE ${scriptError.code}${where})`;
  }
  const failedMigration = /apply_script\s+with migration_name="([^"]+)"/.exec(trace)?.[1];
  if (failedMigration) {
    // P3018 is what the native engine reports for a migration that failed to apply.
    return new SchemaEngineError(
      `Migration ${failedMigration} failed: ${message}. It ran as one transaction, so none of it was ` +
        "applied; it is recorded as failed in _prisma_migrations.",
      code ?? "P3018",
      { cause: error },
    );
  }
  return new SchemaEngineError(message, code, { cause: error });
}

// PostgreSQL's internal one-byte `"char"` type (pg_class.relkind, pg_constraint.contype…), read
// by the engine's schema describer.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
// A NUL byte cannot occur in a PostgreSQL identifier, so this prefix cannot clash with a real column.
const CHAR_COLUMN_MARK = "\u0000char\u0000";

/**
 * The adapter factory the engine gets: `@prisma/adapter-pg` with three fixes the engine needs
 * (see the notes, pitfalls 5–8), and a record of every connection so that all of them are
 * closed, and every shadow database dropped, before we return.
 */
class EngineConnections implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly disposers: Array<() => Promise<void>> = [];
  /** PostgreSQL's error for the last script that failed, to name it in our error message. */
  lastScriptError: { message: string; code: string; line: number | undefined } | undefined;

  constructor(private readonly databaseUrl: string) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.open(this.databaseUrl, async () => {});
  }

  /**
   * adapter-pg's own version connects to the main database (its `database` loses to the
   * connection string) and drops the shadow while still connected to it, leaking it. Ours
   * creates a uniquely named database on the same server and drops it once its pool is closed.
   */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowName = await createUniqueDatabase(this.databaseUrl, "prisma_shadow");
    return this.open(urlOfDatabase(this.databaseUrl, shadowName), () => dropDatabase(this.databaseUrl, shadowName));
  }

  /** Closes whatever is still open; returns the first error rather than throwing it. */
  async disposeAll(): Promise<unknown> {
    const results = await Promise.allSettled(this.disposers.map((dispose) => dispose()));
    const rejected = results.find((result) => result.status === "rejected");
    return rejected?.reason;
  }

  private async open(url: string, afterClose: () => Promise<unknown>): Promise<SqlDriverAdapter> {
    // One session, as the native engine uses: the migration advisory lock and the session settings
    // it makes must stay on the connection that runs the migrations.
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on("connect", markCharColumnsAsText);
    const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    let disposal: Promise<void> | undefined;
    const dispose = () => (disposal ??= inner.dispose().then(async () => void (await afterClose())));
    this.disposers.push(dispose);
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      queryRaw: async (query: SqlQuery) => restoreCharColumns(await inner.queryRaw(query)),
      executeRaw: (query: SqlQuery) => inner.executeRaw(query),
      executeScript: (script: string) => this.executeScript(pool, script),
      startTransaction: async (isolationLevel?: IsolationLevel) =>
        restoreCharColumnsInTransaction(await inner.startTransaction(isolationLevel)),
      getConnectionInfo: () => inner.getConnectionInfo(),
      dispose,
    };
  }

  /**
   * adapter-pg splits the script on every ";" (breaking `$$` bodies) and runs the pieces one by
   * one, so a failing migration leaves its first statements applied. A query without parameters
   * goes over PostgreSQL's simple protocol as one message: one implicit transaction, all or
   * nothing. We also keep PostgreSQL's own error, which the engine reduces to a vaguer one.
   */
  private async executeScript(pool: pg.Pool, script: string): Promise<void> {
    this.lastScriptError = undefined;
    try {
      await pool.query(script);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      this.lastScriptError = {
        message: error.message,
        code: error.code ?? "",
        line: error.position ? script.slice(0, Number(error.position) - 1).split("\n").length : undefined,
      };
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "",
        severity: error.severity ?? "ERROR",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
    }
  }
}

/**
 * adapter-pg throws "Column type 'char' could not be deserialized" on `"char"` columns, and has no
 * column type for them; the engine wants them as Character (as Text it panics). So below the adapter
 * we relabel them as text columns with a marked name, and above it we restore the name and type.
 */
function markCharColumnsAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const markedQuery = (...args: unknown[]): unknown => {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        callback(error, error ? result : markResult(result));
      return query(...args);
    }
    const returned = query(...args);
    return isPromiseLike(returned) ? returned.then(markResult) : returned;
  };
  (client as { query: unknown }).query = markedQuery;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | undefined)?.then === "function";
}

function markResult(result: unknown): unknown {
  // A multi-statement simple query resolves to one result per statement.
  for (const single of Array.isArray(result) ? result : [result]) {
    const fields = (single as pg.QueryResult | undefined)?.fields ?? [];
    for (const field of fields) {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.name = CHAR_COLUMN_MARK + field.name;
        field.dataTypeID = PG_TEXT_OID;
      }
    }
  }
  return result;
}

function restoreCharColumns(resultSet: SqlResultSet): SqlResultSet {
  resultSet.columnNames.forEach((name, index) => {
    if (name.startsWith(CHAR_COLUMN_MARK)) {
      resultSet.columnNames[index] = name.slice(CHAR_COLUMN_MARK.length);
      resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    }
  });
  return resultSet;
}

function restoreCharColumnsInTransaction(transaction: Transaction): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: async (query: SqlQuery) => restoreCharColumns(await transaction.queryRaw(query)),
    executeRaw: (query: SqlQuery) => transaction.executeRaw(query),
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
    createSavepoint: transaction.createSavepoint?.bind(transaction),
    rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
    releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
  };
}
