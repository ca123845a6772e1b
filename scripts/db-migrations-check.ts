// `npm run db:migrations:check`: fails (exit 2) when prisma/schema.prisma has changes that no
// migration in prisma/migrations makes, printing the missing SQL; for CI and before a commit.
// Replays the migrations into a throwaway database on the server, which is then dropped.
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, diffMigrationsToSchema } from "../lib/db/schema-engine";

import { runWithDatabase } from "./run-with-database";

runWithDatabase("db:migrations:check", async (databaseUrl) => {
  const { sql, isInSync } = await diffMigrationsToSchema(databaseUrl);
  if (isInSync) {
    console.log(`${DEFAULT_MIGRATIONS_DIR} matches ${DEFAULT_SCHEMA_PATH}`);
    return 0;
  }
  // The explanation on stderr, so that stdout is the SQL alone and can be redirected to a file.
  console.error(
    `${DEFAULT_SCHEMA_PATH} differs from ${DEFAULT_MIGRATIONS_DIR}; ` +
      "create the missing migration with: npm run db:migration:new -- NAME. It needs this SQL:",
  );
  console.log(sql.trimEnd());
  return 2;
});
