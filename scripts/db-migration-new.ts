// `npm run db:migration:new -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql with
// the SQL that takes the migrations to prisma/schema.prisma, like `prisma migrate dev --create-only`.
// It does not apply it: review it, then `npm run db:migrate`.
import path from "node:path";

import { createMigration } from "../lib/db/schema-engine";

import { exitWithUsage, runWithDatabase } from "./run-with-database";

// The name becomes part of a folder name that Prisma and git keep forever.
const MIGRATION_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const name = process.argv[2];
if (process.argv.length !== 3 || name === undefined || !MIGRATION_NAME.test(name)) {
  exitWithUsage("npm run db:migration:new -- NAME   (NAME in snake_case: a-z, 0-9, e.g. add_appeal_deadline)");
}

runWithDatabase("db:migration:new", async (databaseUrl) => {
  const { migrationPath } = await createMigration(databaseUrl, name);
  console.log(
    migrationPath === null
      ? "No schema changes: no migration created"
      : `Created ${path.relative(process.cwd(), migrationPath)} (review it, then run npm run db:migrate)`,
  );
});
