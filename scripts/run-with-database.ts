import { DatabaseConfigError, startDatabaseServer } from "../lib/db/database-server";

/**
 * Runs a one-shot command against the app's database server (DATABASE_URL's, or the embedded one),
 * stops the server, and exits with the command's exit code (0 when it returns nothing). A failure
 * prints its message — no stack; schema errors keep their lines, which point into the schema — and
 * exits 1. Exits explicitly: a CLI should end when its work is done, whatever a library left open.
 */
export function runWithDatabase(commandName: string, command: (databaseUrl: string) => Promise<number | void>): void {
  const main = async (): Promise<number> => {
    const server = await startDatabaseServer();
    try {
      return (await command(server.url)) ?? 0;
    } finally {
      await server.stop();
    }
  };
  main().then(
    (exitCode) => process.exit(exitCode),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(error instanceof DatabaseConfigError ? message : `${commandName} failed: ${message.trim()}`);
      process.exit(1);
    },
  );
}

/** Prints the usage line and exits 1 (before any server is started). */
export function exitWithUsage(usage: string): never {
  console.error(`Usage: ${usage}`);
  process.exit(1);
}
