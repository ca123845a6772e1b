// `npm run db:migrations:check`: fails (exit 2) when prisma/schema.prisma has changes that no
// migration in prisma/migrations makes, printing the missing SQL; for CI and before a commit.
// Replays the migrations into a throwaway database on the server, which is then dropped.
import { startDatabaseServer } from "../lib/db/database-server";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, diffMigrationsToSchema } from "../lib/db/schema-engine";

async function main(): Promise<number> {
  const server = await startDatabaseServer();
  try {
    const { sql, isInSync } = await diffMigrationsToSchema(server.url);
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
    console.error(`db:migrations:check failed: ${message.trim()}`);
    process.exit(1);
  },
);
