import { describe, expect, it } from "vitest";

import { applyMigrations, diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { createTestDatabase } from "@/tests/support/test-database";

const empty = await createTestDatabase("empty");

describe("prisma/migrations", () => {
  it("apply to an empty database and are recorded in _prisma_migrations", async () => {
    const first = await applyMigrations(empty.url);
    expect(first.appliedMigrationNames.length).toBeGreaterThanOrEqual(2);
    expect(first.appliedMigrationNames[0]).toMatch(/^\d{14}_init$/);

    const recorded = await empty.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(first.appliedMigrationNames);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);

    const second = await applyMigrations(empty.url);
    expect(second.appliedMigrationNames).toEqual([]);
  });

  it("match prisma/schema.prisma (a schema change without its migration fails here)", async () => {
    const diff = await diffMigrationsToSchema(empty.url);
    expect(diff.sql).toBe("");
    expect(diff.isInSync).toBe(true);
  });

  it("make the audit trail append-only", async () => {
    const event = await empty.prisma.auditEvent.create({ data: { type: "SEED_LOADED", subjectType: "Test" } });
    await expect(empty.prisma.auditEvent.update({ where: { id: event.id }, data: { subjectType: "Changed" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(empty.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect(await empty.prisma.auditEvent.count()).toBe(1);
  });
});
