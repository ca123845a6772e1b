// Server-level helpers (CREATE/DROP DATABASE, URL manipulation) shared by the server start-up
// code, migration scripts and integration tests that want a fresh database per test file.
import pg from "pg";

/** How long to wait for a TCP connection before calling a server unreachable. */
export const CONNECT_TIMEOUT_MS = 5_000;

// SQLSTATE 55006 object_in_use: "source database ... is being accessed by other users". A
// client that has just disconnected from the template can still be counted for a few
// milliseconds while its backend exits, so a template copy right after migrating it fails
// unless we retry briefly.
const OBJECT_IN_USE = "55006";
const DUPLICATE_DATABASE = "42P04";
const UNIQUE_VIOLATION = "23505";
const INVALID_CATALOG_NAME = "3D000";
const TEMPLATE_BUSY_RETRY_MS = 5_000;

export type CreateDatabaseOptions = {
  /** Copy this database (CREATE DATABASE ... TEMPLATE ...); it must have no open connections. */
  template?: string;
  /** Return false instead of failing when the database already exists. */
  ifNotExists?: boolean;
};

/** The same connection URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The URL with its password replaced, safe to print or put in an error message. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    // An unparsable URL might still contain a password somewhere; print nothing of it.
    return "<invalid URL>";
  }
}

/** The database name in a postgres:// URL ("" when the URL names none). */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/**
 * Creates `name` on the server `adminUrl` points at (any database on that server will do; the
 * statement runs from the `postgres` maintenance database so that `adminUrl` may even name the
 * template). Returns true when created, false when it existed and `ifNotExists` was set.
 */
export async function createDatabase(
  adminUrl: string,
  name: string,
  options: CreateDatabaseOptions = {},
): Promise<boolean> {
  return withMaintenanceClient(adminUrl, async (client) => {
    if (options.ifNotExists && (await databaseExists(client, name))) return false;
    const template = options.template ? ` TEMPLATE ${pg.escapeIdentifier(options.template)}` : "";
    const sql = `CREATE DATABASE ${pg.escapeIdentifier(name)}${template}`;
    const deadline = Date.now() + TEMPLATE_BUSY_RETRY_MS;
    for (;;) {
      try {
        await client.query(sql);
        return true;
      } catch (error) {
        const code = sqlState(error);
        // Another process created it between our check and our CREATE; when both CREATEs run
        // at once, the loser gets a unique violation on pg_database instead of 42P04.
        if ((code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) && options.ifNotExists) return false;
        if (code === OBJECT_IN_USE && options.template && Date.now() < deadline) {
          await sleep(50);
          continue;
        }
        throw error;
      }
    }
  });
}

/**
 * Drops `name` if it exists. WITH (FORCE) disconnects sessions still open on it (a test's
 * leftover pool would otherwise make the drop fail).
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withMaintenanceClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

export async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return result.rowCount === 1;
}

/** The SQLSTATE (server errors) or errno code (network errors) of a pg error, if any. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // net.connect to "localhost" tries ::1 and 127.0.0.1 and reports an AggregateError.
  if (error instanceof AggregateError) return sqlState(error.errors[0]);
  return undefined;
}

async function withMaintenanceClient<T>(
  adminUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  let client: pg.Client;
  try {
    client = await connect(withDatabase(adminUrl, "postgres"));
  } catch (error) {
    // Some managed servers have no `postgres` database; template1 always exists.
    if (sqlState(error) !== INVALID_CATALOG_NAME) throw error;
    client = await connect(withDatabase(adminUrl, "template1"));
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Without a listener, a server-side disconnect while idle would crash the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
