import { randomBytes } from "node:crypto";

import { afterAll, inject } from "vitest";

import { createDatabase, dropDatabase, withDatabase } from "@/lib/db/database-admin";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma";

import { MIGRATED_TEMPLATE, SEEDED_TEMPLATE } from "./test-templates";

export type TestDatabase = { url: string; prisma: PrismaClient };

/**
 * A fresh database for the calling test file, dropped after it: empty, migrated, or migrated and
 * holding the demo province. Call at the top level of a test file (it registers afterAll).
 */
export async function createTestDatabase(contents: "empty" | "migrated" | "seeded"): Promise<TestDatabase> {
  const serverUrl = inject("testServerUrl");
  const name = `par_test_${randomBytes(6).toString("hex")}`;
  const template = contents === "empty" ? undefined : contents === "migrated" ? MIGRATED_TEMPLATE : SEEDED_TEMPLATE;
  await createDatabase(serverUrl, name, template ? { template } : {});
  const url = withDatabase(serverUrl, name);
  const prisma = createPrismaClient(url, { maxConnections: 4 });
  afterAll(async () => {
    await prisma.$disconnect();
    await dropDatabase(serverUrl, name);
  });
  return { url, prisma };
}
