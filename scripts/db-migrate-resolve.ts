// `npm run db:migrate:resolve -- MIGRATION_NAME`: marks a failed migration as rolled back (like
// `prisma migrate resolve --rolled-back`), so that a corrected migration can be applied. A failed
// migration left nothing behind (each runs as one transaction); the database only refuses further
// migrations until this is said.
import { startDatabaseServer } from "../lib/db/database-server";
import { markMigrationRolledBack } from "../lib/db/schema-engine";

async function main(): Promise<void> {
  const migrationName = process.argv[2]?.trim();
  if (!migrationName) throw new Error("Usage: npm run db:migrate:resolve -- MIGRATION_NAME (the folder name under prisma/migrations)");
  const server = await startDatabaseServer();
  try {
    await markMigrationRolledBack(server.url, migrationName);
    console.log(`Marked ${migrationName} as rolled back. Fix its SQL, then run npm run db:migrate.`);
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:migrate:resolve failed: ${message.replace(/\s*\n\s*/g, " ")}`);
    process.exit(1);
  },
);
