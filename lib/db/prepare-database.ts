import { seedDemoProvince, type SeedSummary } from "@/prisma/seed/seed-demo-province";

import { createPrismaClient } from "./prisma";
import { applyMigrations } from "./schema-engine";

export type PreparedDatabase = { appliedMigrationNames: string[]; seed: SeedSummary | null };

/**
 * Brings a database up to date before the app serves it: applies pending migrations, then (for the
 * demo and development) loads the demo province the first time only — its SEED_LOADED audit event
 * marks it as loaded, so a restart reuses the data and a province's real data is never touched.
 */
export async function prepareDatabase(databaseUrl: string, options: { shouldSeedDemo: boolean }): Promise<PreparedDatabase> {
  const { appliedMigrationNames } = await applyMigrations(databaseUrl);
  if (!options.shouldSeedDemo) return { appliedMigrationNames, seed: null };
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  try {
    const isLoaded = (await prisma.auditEvent.count({ where: { type: "SEED_LOADED" } })) > 0;
    return { appliedMigrationNames, seed: isLoaded ? null : await seedDemoProvince(prisma) };
  } finally {
    await prisma.$disconnect();
  }
}
