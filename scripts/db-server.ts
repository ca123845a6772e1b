// `npm run db:start`: runs the development database in the foreground until Ctrl-C, so other
// terminals (dev server, migrations, Prisma Studio) can share it. With DATABASE_URL set it only
// checks that server and prints it.
import { redactDatabaseUrl } from "../lib/db/database-admin";
import {
  DatabaseConfigError,
  registerShutdown,
  startDatabaseServer,
} from "../lib/db/database-server";

try {
  const startedAt = performance.now();
  const server = await startDatabaseServer();
  // Ctrl-C is the normal way to stop this script, so it is not a failure.
  registerShutdown(server, { exitCode: 0 });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`${server.description} ready in ${seconds} s`);
  console.log(`DATABASE_URL=${redactDatabaseUrl(server.url)}`);
  if (!server.isEmbedded) {
    // Nothing of ours to keep running (external server, or an embedded one another process owns).
    process.exit(0);
  }
  console.log("Press Ctrl-C to stop.");
  // The postgres child process keeps the event loop alive until the signal handler exits.
} catch (error) {
  if (!(error instanceof DatabaseConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
