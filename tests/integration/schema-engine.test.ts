// The offline migration tooling against a real PostgreSQL: a fresh database and a scratch schema
// and migrations folder per run, so it never touches prisma/ or the app's database.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  markMigrationRolledBack,
  SchemaEngineError,
} from "../../lib/db/schema-engine";

// The integration run's server (tests/support/integration-global-setup.ts): embedded or DATABASE_URL's.
const serverUrl = inject("testServerUrl");

const SCHEMA_V1 = `
datasource db {
  provider = "postgresql"
}

model Agency {
  id    Int    @id @default(autoincrement())
  name  String @unique
  users User[]
}

model User {
  id       Int    @id @default(autoincrement())
  email    String @unique
  agencyId Int
  agency   Agency @relation(fields: [agencyId], references: [id])
}
`;

const SCHEMA_V2 = SCHEMA_V1.replace("name  String @unique", "name  String @unique\n  shortName String?");

// Sorts after any migration createMigration names today, as a hand-written migration would.
const BROKEN_MIGRATION = "20991231000000_broken";

describe("offline migrations (lib/db/schema-engine)", { timeout: 60_000 }, () => {
  const databaseName = `schema_engine_test_${randomBytes(4).toString("hex")}`;
  let databaseUrl = "";
  let workDir = "";
  let schemaPath = "";
  let migrationsDir = "";
  let initMigrationName = "";

  async function query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<Row>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function adminQuery(sql: string): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  async function publicTables(): Promise<string[]> {
    const rows = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((row) => row.table_name);
  }

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(databaseName)}`);
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    workDir = await mkdtemp(path.join(os.tmpdir(), "schema-engine-test-"));
    schemaPath = path.join(workDir, "schema.prisma");
    migrationsDir = path.join(workDir, "migrations");
    await writeFile(schemaPath, SCHEMA_V1);
  });

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`);
  });

  it("createMigration writes the first migration and the lock file, without applying it", async () => {
    const { migrationName, migrationPath } = await createMigration(databaseUrl, "init", { schemaPath, migrationsDir });

    expect(migrationName).toMatch(/^\d{14}_init$/);
    initMigrationName = migrationName ?? "";
    expect(migrationPath).toBe(path.join(migrationsDir, initMigrationName, "migration.sql"));
    const sql = await readFile(path.join(migrationsDir, initMigrationName, "migration.sql"), "utf8");
    expect(sql).toContain('CREATE TABLE "Agency"');
    expect(sql).toContain('FOREIGN KEY ("agencyId") REFERENCES "Agency"("id")');
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    expect(await publicTables()).toEqual([]);
  });

  it("createMigration writes nothing when the migrations already match the schema", async () => {
    const result = await createMigration(databaseUrl, "nothing", { schemaPath, migrationsDir });

    expect(result).toEqual({ migrationName: null, migrationPath: null });
    expect((await readdir(migrationsDir)).sort()).toEqual([initMigrationName, "migration_lock.toml"]);
  });

  it("applyMigrations applies it and records it in _prisma_migrations with Prisma's checksum", async () => {
    const { appliedMigrationNames } = await applyMigrations(databaseUrl, migrationsDir);

    expect(appliedMigrationNames).toEqual([initMigrationName]);
    expect(await publicTables()).toEqual(["Agency", "User", "_prisma_migrations"]);
    const sql = await readFile(path.join(migrationsDir, initMigrationName, "migration.sql"));
    const [record] = await query<{ checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      "SELECT checksum, finished_at, applied_steps_count FROM _prisma_migrations WHERE migration_name = $1",
      [initMigrationName],
    );
    // Prisma's checksum is the SHA-256 of the file: what `prisma migrate` would compare against.
    expect(record?.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(record?.finished_at).toBeInstanceOf(Date);
    expect(record?.applied_steps_count).toBe(1);
  });

  it("a second applyMigrations applies nothing", async () => {
    expect(await applyMigrations(databaseUrl, migrationsDir)).toEqual({ appliedMigrationNames: [] });
  });

  it("diffMigrationsToSchema reports in sync when the migrations match the schema", async () => {
    expect(await diffMigrationsToSchema(databaseUrl, { schemaPath, migrationsDir })).toEqual({
      sql: "",
      isInSync: true,
    });
  });

  it("diffMigrationsToSchema reports the SQL for a column added to the schema", async () => {
    await writeFile(schemaPath, SCHEMA_V2);

    const { sql, isInSync } = await diffMigrationsToSchema(databaseUrl, { schemaPath, migrationsDir });

    expect(isInSync).toBe(false);
    expect(sql).toMatch(/ALTER TABLE "Agency" ADD COLUMN\s+"shortName" TEXT;/);
  });

  it("leaves no shadow or scratch database behind", async () => {
    // Their names carry the pid of the process that made them (createUniqueDatabase).
    const { rows } = await adminQuery("SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_%'");
    const ours = rows.map((row: { datname: string }) => row.datname).filter((name) => name.includes(`_${process.pid}_`));
    expect(ours).toEqual([]);
  });

  // Pins pitfall 6 of shared/notes/prisma-offline.md: adapter-pg ran a script statement by statement,
  // so a migration failing halfway left its first statements applied.
  it("a migration with an SQL error fails as a whole, named, and is recorded as failed", async () => {
    await mkdir(path.join(migrationsDir, BROKEN_MIGRATION));
    await writeFile(
      path.join(migrationsDir, BROKEN_MIGRATION, "migration.sql"),
      [
        'CREATE TABLE "Partial" ("id" INTEGER);',
        'ALTER TABLE "Agency" ADD COLUMN "note" TEXT;',
        'INSERT INTO "Agency" ("name") VALUES (\'kept?\');',
        'SELECT * FROM "Missing";',
        "",
      ].join("\n"),
    );

    const failure = await applyMigrations(databaseUrl, migrationsDir).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SchemaEngineError);
    expect((failure as SchemaEngineError).code).toBe("P3018");
    expect((failure as Error).message).toContain(BROKEN_MIGRATION);
    expect((failure as Error).message).toContain('relation "Missing" does not exist');
    expect((failure as Error).message).toContain("line 4");
    expect(await publicTables()).toEqual(["Agency", "User", "_prisma_migrations"]);
    const agencyColumns = await query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'Agency'",
    );
    expect(agencyColumns.map((row) => row.column_name)).not.toContain("note");
    expect(await query('SELECT 1 FROM "Agency"')).toEqual([]);
    const [record] = await query<{ finished_at: Date | null; logs: string | null }>(
      "SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = $1",
      [BROKEN_MIGRATION],
    );
    expect(record?.finished_at).toBeNull();
    expect(record?.logs).toBeTruthy();
  });

  it("refuses new migrations until the failure is marked rolled back, then applies the fixed one", async () => {
    await expect(applyMigrations(databaseUrl, migrationsDir)).rejects.toMatchObject({ code: "P3009" });

    await markMigrationRolledBack(databaseUrl, BROKEN_MIGRATION);
    // The fix has a `$$` body with semicolons, which adapter-pg's script splitting used to cut apart.
    await writeFile(
      path.join(migrationsDir, BROKEN_MIGRATION, "migration.sql"),
      [
        'ALTER TABLE "Agency" ADD COLUMN "note" TEXT;',
        "CREATE FUNCTION agency_count() RETURNS bigint LANGUAGE plpgsql AS $$",
        "DECLARE result bigint;",
        'BEGIN SELECT count(*) INTO result FROM "Agency"; RETURN result; END;',
        "$$;",
        "",
      ].join("\n"),
    );

    expect(await applyMigrations(databaseUrl, migrationsDir)).toEqual({ appliedMigrationNames: [BROKEN_MIGRATION] });
    expect(await query<{ count: string }>("SELECT agency_count() AS count")).toEqual([{ count: "0" }]);
  });
});
