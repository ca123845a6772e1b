// `npm run db:seed`: loads the demo province into the database (idempotent) and prints the demo
// accounts. Uses DATABASE_URL, or the embedded PostgreSQL when it is unset.
import { createPrismaClient } from "@/lib/db/prisma";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_USERS } from "@/prisma/seed/demo-province";
import { seedDemoProvince } from "@/prisma/seed/seed-demo-province";

import { printDemoAccounts } from "./print-demo-accounts";
import { runWithDatabase } from "./run-with-database";

runWithDatabase("db:seed", async (databaseUrl) => {
  await applyMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 2 });
  try {
    const { isFirstLoad, counts } = await seedDemoProvince(prisma);
    console.log(
      isFirstLoad
        ? `Demo province loaded: ${counts.agencies} agencies, ${counts.assessments} assessments, ${counts.scores} scores, ${counts.results} results, ${counts.publications} publications.`
        : "Demo province already loaded: nothing added.",
    );
    printDemoAccounts(DEMO_USERS);
  } finally {
    await prisma.$disconnect();
  }
});
