// `npm run db:seed`: loads the demo province into the database (idempotent) and prints the demo
// accounts. Uses DATABASE_URL, or the embedded PostgreSQL when it is unset.
import { startDatabaseServer, DatabaseConfigError } from "@/lib/db/database-server";
import { createPrismaClient } from "@/lib/db/prisma";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_USERS } from "@/prisma/seed/demo-province";
import { seedDemoProvince } from "@/prisma/seed/seed-demo-province";

import { printDemoAccounts } from "./print-demo-accounts";

async function main(): Promise<number> {
  const server = await startDatabaseServer();
  try {
    await applyMigrations(server.url);
    const prisma = createPrismaClient(server.url, { maxConnections: 2 });
    try {
      const summary = await seedDemoProvince(prisma);
      console.log(
        summary.isFirstLoad
          ? `Demo province loaded: ${summary.counts.agencies} agencies, ${summary.counts.assessments} assessments, ${summary.counts.scores} scores, ${summary.counts.results} results, ${summary.counts.publications} publications.`
          : "Demo province already loaded: nothing added.",
      );
      printDemoAccounts(DEMO_USERS);
    } finally {
      await prisma.$disconnect();
    }
    return 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DatabaseConfigError ? error.message : `Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
