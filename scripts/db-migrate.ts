// `npm run db:migrate`: applies prisma/migrations to the app's database, like `prisma migrate
// deploy`, which cannot run here (it downloads a native engine; see lib/db/schema-engine.ts).
import { applyMigrations } from "../lib/db/schema-engine";

import { runWithDatabase } from "./run-with-database";

runWithDatabase("db:migrate", async (databaseUrl) => {
  const { appliedMigrationNames } = await applyMigrations(databaseUrl);
  const count = appliedMigrationNames.length;
  console.log(
    count === 0 ? "Database is up to date" : `Applied ${count} migration${count === 1 ? "" : "s"}: ${appliedMigrationNames.join(", ")}`,
  );
});
