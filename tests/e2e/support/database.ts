import pg from "pg";

import { hashPassword } from "@/lib/auth/password";

// What a spec does to the e2e app's database directly: work a spec needs done but does not test
// (other specs do it in the browser), the round-trip spec's quick phase moves, and reading ids to
// aim at. Everything a spec checks goes through the browser.

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The administrator moves a year to another phase (year-cycle.spec.ts does it on the year screens). */
export async function setYearPhase(year: number, phase: "SELF_ASSESSMENT" | "APPRAISAL" | "EXPLANATION"): Promise<void> {
  await withDatabase((client) => client.query(`UPDATE "AssessmentYear" SET "phase" = $1 WHERE "year" = $2`, [phase, year]));
}

/** The administrator creates an agency head account (the user screens are tested on their own). */
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

/**
 * Every assessment of the year finalized as it stands: the agencies' self-assessments and the
 * appraisers' decisions, which the self-assessment and appraisal specs do in the browser.
 */
export async function finalizeAssessmentsOfYear(year: number): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `UPDATE "Assessment" SET "status" = 'FINALIZED', "finalizedAt" = now(), "submittedAt" = COALESCE("submittedAt", now()), "version" = "version" + 1
       WHERE "yearId" = (SELECT "id" FROM "AssessmentYear" WHERE "year" = $1)`,
      [year],
    ),
  );
}

/** Each assessed agency of the year with each survey criterion of its set: what a survey import must cover. */
export async function surveyCriteriaToImport(year: number): Promise<{ agencyName: string; code: string; maxPoints: string }[]> {
  return withDatabase(async (client) => {
    const rows = await client.query<{ agencyName: string; code: string; maxPoints: string }>(
      `SELECT g."name" AS "agencyName", c."code", c."maxPoints"::text AS "maxPoints"
       FROM "Assessment" a JOIN "Agency" g ON g."id" = a."agencyId" JOIN "Criterion" c ON c."criteriaSetId" = a."criteriaSetId"
       WHERE a."yearId" = (SELECT "id" FROM "AssessmentYear" WHERE "year" = $1) AND c."method" = 'SURVEY'
       ORDER BY g."name", c."sortOrder"`,
      [year],
    );
    return rows.rows;
  });
}
