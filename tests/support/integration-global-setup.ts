// Integration tests run against a real PostgreSQL: DATABASE_URL's server when set, otherwise a
// throw-away embedded server in a temporary directory. Two template databases are prepared once —
// one with the migrations applied, one also holding the demo province — so each test file can take
// a fresh copy in milliseconds (tests/support/test-database.ts).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { createDatabase, dropDatabase, withDatabase } from "@/lib/db/database-admin";
import { startDatabaseServer } from "@/lib/db/database-server";
import { createPrismaClient } from "@/lib/db/prisma";
import { applyMigrations } from "@/lib/db/schema-engine";
import { seedDemoProvince } from "@/prisma/seed/seed-demo-province";

import { MIGRATED_TEMPLATE, SEEDED_TEMPLATE } from "./test-templates";


declare module "vitest" {
  export interface ProvidedContext {
    /** Any database URL on the test server; test files create their own databases there. */
    testServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataRoot = process.env.DATABASE_URL ? null : mkdtempSync(path.join(os.tmpdir(), "par-test-pg-"));
  // Traversable, so that PostgreSQL may run there as the postgres user when the tests run as root.
  if (dataRoot) chmodSync(dataRoot, 0o711);
  const server = await startDatabaseServer({
    ...(dataRoot ? { dataDir: path.join(dataRoot, "postgres"), port: 54_000 + (process.pid % 1000), isEphemeral: true } : {}),
  });

  for (const template of [SEEDED_TEMPLATE, MIGRATED_TEMPLATE]) await dropDatabase(server.url, template);
  await createDatabase(server.url, MIGRATED_TEMPLATE);
  await applyMigrations(withDatabase(server.url, MIGRATED_TEMPLATE));
  await createDatabase(server.url, SEEDED_TEMPLATE, { template: MIGRATED_TEMPLATE });
  const prisma = createPrismaClient(withDatabase(server.url, SEEDED_TEMPLATE), { maxConnections: 2 });
  try {
    await seedDemoProvince(prisma);
  } finally {
    await prisma.$disconnect();
  }

  project.provide("testServerUrl", server.url);

  return async () => {
    if (!dataRoot) {
      for (const template of [SEEDED_TEMPLATE, MIGRATED_TEMPLATE]) await dropDatabase(server.url, template);
    }
    await server.stop();
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  };
}
