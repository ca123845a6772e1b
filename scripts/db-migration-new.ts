// `npm run db:migration:new -- NAME`: writes prisma/migrations/<timestamp>_NAME/migration.sql with
// the SQL that takes the migrations to prisma/schema.prisma, like `prisma migrate dev --create-only`.
// It does not apply it: review it, then `npm run db:migrate`.
import path from "node:path";

import { startDatabaseServer } from "../lib/db/database-server";
import { createMigration } from "../lib/db/schema-engine";

// The name becomes part of a folder name that Prisma and git keep forever.
const MIGRATION_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

async function main(): Promise<number> {
  const name = process.argv[2];
  if (process.argv.length !== 3 || name === undefined || !MIGRATION_NAME.test(name)) {
    console.error("Usage: npm run db:migration:new -- NAME   (NAME in snake_case: a-z, 0-9, e.g. add_appeal_deadline)");
    return 1;
  }
  const server = await startDatabaseServer();
  try {
    const { migrationPath } = await createMigration(server.url, name);
    console.log(
      migrationPath === null
        ? "No schema changes: no migration created"
        : `Created ${path.relative(process.cwd(), migrationPath)} (review it, then run npm run db:migrate)`,
    );
    return 0;
  } finally {
    await server.stop();
  }
}

// Exit explicitly: a CLI should end when its work is done, whatever a library left open.
main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    // The message as the engine wrote it, without the stack: a schema error (P1012) points at the
    // offending line of prisma/schema.prisma over several lines, which one line would garble.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:migration:new failed: ${message.trim()}`);
    process.exit(1);
  },
);
