import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: the CLI would download its native schema engine before `generate`, which never runs it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-unavailable.cjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
