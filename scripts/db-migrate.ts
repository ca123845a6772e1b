// `npm run db:migrate`: applies prisma/migrations to the app's database, like `prisma migrate
// deploy`, which cannot run here (it downloads a native engine; see lib/db/schema-engine.ts).
import { startDatabaseServer } from "../lib/db/database-server";
import { applyMigrations } from "../lib/db/schema-engine";

async function main(): Promise<void> {
  const server = await startDatabaseServer();
  try {
    const { appliedMigrationNames } = await applyMigrations(server.url);
    const count = appliedMigrationNames.length;
    console.log(
      count === 0
        ? "Database is up to date"
        : `Applied ${count} migration${count === 1 ? "" : "s"}: ${appliedMigrationNames.join(", ")}`,
    );
  } finally {
    await server.stop();
  }
}

// Exit explicitly: a CLI should end when its work is done, whatever a library left open (the
// engine's own 10 s timers are unref'd in schema-engine.ts, but that is one fix for one leak).
main().then(
  () => process.exit(0),
  (error: unknown) => {
    // One line, no stack: the message says what failed (e.g. the migration and PostgreSQL's error).
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:migrate failed: ${message.replace(/\s*\n\s*/g, " ")}`);
    process.exit(1);
  },
);
