import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 }),
  });
}

const globalForPrisma = globalThis as unknown as { parIndexPrisma?: PrismaClient };

/**
 * The app's shared client. The app's scripts always set DATABASE_URL (to the embedded server when
 * none was given), so a missing value here means the app was started without them.
 */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.parIndexPrisma) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      throw new Error("DATABASE_URL is not set: start the app with `npm run demo` or `npm run dev`, which provide it.");
    }
    // Kept on globalThis so Next's dev reloads reuse one pool instead of leaking connections.
    globalForPrisma.parIndexPrisma = createPrismaClient(databaseUrl);
  }
  return globalForPrisma.parIndexPrisma;
}
