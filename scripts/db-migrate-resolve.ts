// `npm run db:migrate:resolve -- MIGRATION_NAME`: marks a failed migration as rolled back (like
// `prisma migrate resolve --rolled-back`), so that a corrected migration can be applied. A failed
// migration left nothing behind (each runs as one transaction); the database only refuses further
// migrations until this is said.
import { markMigrationRolledBack } from "../lib/db/schema-engine";

import { exitWithUsage, runWithDatabase } from "./run-with-database";

const migrationName = process.argv[2]?.trim();
if (!migrationName) exitWithUsage("npm run db:migrate:resolve -- MIGRATION_NAME (the folder name under prisma/migrations)");

runWithDatabase("db:migrate:resolve", async (databaseUrl) => {
  await markMigrationRolledBack(databaseUrl, migrationName);
  console.log(`Marked ${migrationName} as rolled back. Fix its SQL, then run npm run db:migrate.`);
});
