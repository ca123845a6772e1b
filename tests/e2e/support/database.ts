import pg from "pg";

import { hashPassword } from "@/lib/auth/password";

// What a spec does to the e2e app's database directly: only the administrator's steps whose
// screens do not exist yet (the administration issue), and reading ids to aim at. Everything a
// spec checks goes through the browser.

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The administrator moves a year to another phase (until the year screens exist). */
export async function setYearPhase(year: number, phase: "SELF_ASSESSMENT" | "APPRAISAL" | "EXPLANATION"): Promise<void> {
  await withDatabase((client) => client.query(`UPDATE "AssessmentYear" SET "phase" = $1 WHERE "year" = $2`, [phase, year]));
}

/** The administrator creates an agency head account (until the user screens exist). */
export async function createAgencyHead(agencySlug: string, email: string, name: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "roles", "agencyId", "updatedAt")
       SELECT $1, $2, $3, $4, ARRAY['AGENCY_HEAD']::"Role"[], "id", now() FROM "Agency" WHERE "slug" = $5
       ON CONFLICT ("email") DO NOTHING`,
      [`e2e-${email}`, email, name, passwordHash, agencySlug],
    ),
  );
}
