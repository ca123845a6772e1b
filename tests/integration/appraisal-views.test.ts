import { describe, expect, it } from "vitest";

import { loadActor } from "@/lib/auth/actor";
import { getAppraisalQueue, ZQueueFilters } from "@/lib/services/get-appraisal-queue";
import { getAppraisalView } from "@/lib/services/get-appraisal-view";
import { openForAppraisal } from "@/lib/services/open-for-appraisal";
import { createTestDatabase } from "@/tests/support/test-database";

// What the appraisal workspace reads: the queue (filters, order, what awaits whom) and one
// assessment's view (which criteria the actor may appraise). Seeded 2026, moved to APPRAISAL.
const { prisma } = await createTestDatabase("seeded");
const NOW = new Date("2027-01-20T09:00:00+07:00");

async function actorOf(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const actor = await loadActor(prisma, user.id);
  if (!actor) throw new Error(email);
  return actor;
}
const lead = await actorOf("thamdinh.snv@songlam.demo");
const justiceAppraiser = await actorOf("thamdinh.stp@songlam.demo");
await prisma.assessmentYear.update({ where: { year: 2026 }, data: { phase: "APPRAISAL" } });
const filters = (raw: Record<string, unknown> = {}) => ZQueueFilters.parse({ isMineOnly: false, sort: "agency", isDescending: false, ...raw });

describe("the appraisal queue", () => {
  it("lists every assessment of the year with what awaits this appraiser, and filters the same way for bulk actions", async () => {
    const all = await getAppraisalQueue(prisma, justiceAppraiser, filters(), NOW);
    if (!all) throw new Error("no open year");
    const assessments = await prisma.assessment.count({ where: { year: { year: 2026 } } });
    expect(all.total).toBe(assessments);
    expect(all.rows).toHaveLength(assessments);
    expect(all.round).toBe(1);
    const byName = new Map(all.rows.map((row) => [row.agencyName, row]));
    // Submitted, and not its own agency: the Sở Tư pháp appraiser may open Xã Kim Liên, not Sở Tư pháp.
    expect(byName.get("Xã Kim Liên")).toMatchObject({ status: "SUBMITTED", needsMyAction: true, myDone: 0 });
    expect(byName.get("Xã Kim Liên")!.myAssigned).toBeGreaterThan(0);
    expect(byName.get("Sở Tư pháp")).toMatchObject({ status: "SUBMITTED", needsMyAction: false, myAssigned: 0 });
    expect(byName.get("Sở Y tế")).toMatchObject({ status: "DRAFT", needsMyAction: false });
    // Vietnamese alphabetical order by default.
    const names = all.rows.map((row) => row.agencyName);
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));

    const mine = await getAppraisalQueue(prisma, justiceAppraiser, filters({ isMineOnly: true }), NOW);
    expect(mine?.rows.map((row) => row.agencyName)).toEqual(["Xã Kim Liên"]);
    const submitted = await getAppraisalQueue(prisma, lead, filters({ status: "SUBMITTED" }), NOW);
    expect(new Set(submitted?.rows.map((row) => row.status))).toEqual(new Set(["SUBMITTED"]));
    const communes = all.unitTypes.find((unitType) => unitType.name !== byName.get("Sở Y tế")!.unitTypeName)!;
    const filtered = await getAppraisalQueue(prisma, lead, filters({ unitTypeId: communes.id }), NOW);
    expect(filtered?.rows.every((row) => row.unitTypeId === communes.id)).toBe(true);
    expect(filtered?.rows.length).toBeGreaterThan(0);

    const bySelf = await getAppraisalQueue(prisma, lead, filters({ sort: "selfPercent", isDescending: true }), NOW);
    const percents = bySelf!.rows.map((row) => (row.selfPercent === null ? -1 : Number(row.selfPercent)));
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    // Unknown values in the URL fall back to no filter rather than failing.
    expect(ZQueueFilters.parse({ status: "NOPE", sort: "x", isMineOnly: "yes", isDescending: 3 })).toEqual({ unitTypeId: undefined, status: undefined, isMineOnly: false, sort: "agency", isDescending: false });
  });
});

describe("one assessment's appraisal view", () => {
  it("lets a lead appraise every criterion but the survey ones, a unit only its own, and nobody before it is opened", async () => {
    const commune = await prisma.assessment.findFirstOrThrow({ where: { agency: { slug: "xa-kim-lien" }, year: { year: 2026 } }, select: { id: true } });
    const before = await getAppraisalView(prisma, lead, commune.id, NOW);
    expect(before?.criteria.some((criterion) => criterion.isAppraisable)).toBe(false);
    expect(before?.actions).toEqual({ open: true, returnForExplanation: false, closeExplanation: false, finalize: false, reopen: false });

    expect(await openForAppraisal(prisma, lead.id, { assessmentId: commune.id }, NOW)).toMatchObject({ ok: true });
    const asLead = await getAppraisalView(prisma, lead, commune.id, NOW);
    const asJustice = await getAppraisalView(prisma, justiceAppraiser, commune.id, NOW);
    if (!asLead || !asJustice) throw new Error("not visible");
    expect(asLead.round).toBe(1);
    for (const criterion of asLead.criteria) {
      const isLeaf = criterion.method !== null;
      const isSurvey = (criterion.method as { method?: string } | null)?.method === "SURVEY";
      expect(criterion.isAppraisable).toBe(isLeaf && !isSurvey);
      const own = asJustice.criteria.find((candidate) => candidate.id === criterion.id)!;
      expect(own.isAppraisable).toBe(isLeaf && !isSurvey && criterion.appraiserUnitName === "Sở Tư pháp");
    }
    expect(asJustice.criteria.some((criterion) => criterion.isAppraisable)).toBe(true);
    expect(asLead.actions).toMatchObject({ open: false, finalize: false });
    // Round 1 not done: returning is offered to the lead but would list what is missing.
    expect(asLead.gaps.return.length).toBeGreaterThan(0);

    // Changes since the last review: none right after opening; an agency change after it counts.
    const rowOf = async () => (await getAppraisalQueue(prisma, lead, filters(), NOW))!.rows.find((row) => row.id === commune.id)!;
    expect((await rowOf()).changesSinceReview).toBe(0);
    await prisma.auditEvent.create({ data: { type: "EXPLANATION_SAVED", subjectType: "Score", subjectId: "1.1.1", assessmentId: commune.id } });
    expect((await rowOf()).changesSinceReview).toBe(1);
    const never = (await getAppraisalQueue(prisma, lead, filters(), NOW))!.rows.find((row) => row.agencyName === "Sở Tư pháp")!;
    expect(never.changesSinceReview).toBeNull();

    expect(await getAppraisalView(prisma, lead, "no-such-assessment", NOW)).toBeNull();
    const otherAgencyEditor = await actorOf("bientap.syt@songlam.demo");
    expect(await getAppraisalView(prisma, otherAgencyEditor, commune.id, NOW)).toBeNull();
  });
});
