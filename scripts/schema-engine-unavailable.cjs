#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary, which cannot be downloaded offline.
// `prisma generate` needs the path to exist but never runs it; migrations use the
// WebAssembly engine through `npm run db:migrate` / `npm run db:migration:new`.
process.stderr.write(
  "The native Prisma schema engine is not used in this project.\n" +
    "Use `npm run db:migrate` or `npm run db:migration:new -- NAME` instead of `prisma migrate`.\n",
);
process.exit(1);
