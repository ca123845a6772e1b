import { describe, expect, it } from "vitest";

import { Prisma } from "@/lib/db/generated/prisma/client";
import { parseDomainBreakdown } from "@/lib/domain/agency-profile";
import { toThousandths } from "@/lib/domain/points";
import { computeProvinceStatistics } from "@/lib/domain/province-statistics";
import { ZPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { getAgencyProfile, type AgencyProfile, type ProfileCriterion } from "@/lib/services/get-agency-profile";
import { createTestDatabase } from "@/tests/support/test-database";

// The public agency profile (issue 8 item 2) on the seeded province: 2024 and 2025 published with
// scores, 2026 in self-assessment with draft scores. The describes run in order on one database;
// the last ones change it.
const { prisma } = await createTestDatabase("seeded");

async function profileOf(slug: string): Promise<AgencyProfile> {
  const profile = await getAgencyProfile(slug, prisma);
  if (!profile) throw new Error(`no profile for ${slug}`);
  return profile;
}

const criteriaOf = (profile: AgencyProfile) =>
  (profile.detail?.domains ?? []).flatMap((domain) => domain.criteria).filter((node): node is Extract<ProfileCriterion, { kind: "criterion" }> => node.kind === "criterion");

describe("the history", () => {
  it("is each published year's current announcement row of the agency, equal to its stored Result", async () => {
    const profile = await profileOf("so-tu-phap");
    expect(profile.agency).toMatchObject({ name: "Sở Tư pháp", slug: "so-tu-phap", unitTypeName: "Sở, ban, ngành", endedOn: null });
    expect(profile.history.map((entry) => entry.year)).toEqual([2024, 2025]);
    for (const entry of profile.history) {
      const publication = await prisma.publication.findFirstOrThrow({
        where: { year: { year: entry.year }, supersededBy: null },
        select: { number: true, issuedOn: true, snapshot: true },
      });
      const snapshot = ZPublicationSnapshot.parse(publication.snapshot);
      const published = snapshot.unitTypes.flatMap((unitType) => unitType.rows).find((row) => row.agencySlug === "so-tu-phap");
      expect(entry.row).toEqual(published);
      expect(entry.publication).toEqual({ number: publication.number, issuedOn: publication.issuedOn });
      expect(entry.unitTypeCode).toBe("so-ban-nganh");

      const result = await prisma.result.findFirstOrThrow({
        where: { year: { year: entry.year }, agency: { slug: "so-tu-phap" } },
        select: { totalPoints: true, maxPoints: true, indexPercent: true, rank: true, rankedCount: true, bandLabel: true, rankChange: true },
      });
      expect(toThousandths(entry.row.indexPercent)).toBe(toThousandths(result.indexPercent.toString()));
      expect(toThousandths(entry.row.totalPoints)).toBe(toThousandths(result.totalPoints.toString()));
      expect(toThousandths(entry.row.maxPoints)).toBe(toThousandths(result.maxPoints.toString()));
      expect([entry.row.rank, entry.row.rankedCount, entry.row.bandLabel, entry.row.rankChange]).toEqual([result.rank, result.rankedCount, result.bandLabel, result.rankChange]);

      const bands = await prisma.gradingBand.findMany({
        where: { year: { year: entry.year }, unitType: { code: "so-ban-nganh" } },
        orderBy: { minPercent: "desc" },
        select: { label: true },
      });
      expect(entry.bands.map((band) => band.label)).toEqual(bands.map((band) => band.label));
    }
    expect(profile.history.at(-1)?.publication.number).toBe("42/TB-UBND");
  });

  it("keeps a merged agency's own years and links its successor; the successor links back", async () => {
    const merged = await profileOf("so-ke-hoach-va-dau-tu");
    expect(merged.agency.endedOn).toBe("2025-02-28");
    expect(merged.history.map((entry) => entry.year)).toEqual([2024]);
    expect(merged.detail?.year).toBe(2024);
    expect(merged.lineage.successors).toEqual([expect.objectContaining({ slug: "so-tai-chinh", kind: "MERGE", effectiveOn: "2025-03-01" })]);
    expect(merged.lineage.predecessors).toEqual([]);
    const successor = await profileOf("so-tai-chinh");
    expect(successor.lineage.predecessors).toEqual([expect.objectContaining({ slug: "so-ke-hoach-va-dau-tu", kind: "MERGE" })]);
  });
});

describe("the domains of the latest published year", () => {
  it("are the agency's stored breakdown beside its unit type's averages from computeProvinceStatistics", async () => {
    const profile = await profileOf("so-tu-phap");
    const detail = profile.detail;
    expect(detail).toMatchObject({ year: 2025, precision: 2, unitTypeName: "Sở, ban, ngành" });
    const results = await prisma.result.findMany({
      where: { year: { year: 2025 }, unitType: { code: "so-ban-nganh" } },
      select: { agencyId: true, totalPoints: true, maxPoints: true, indexPercent: true, bandLabel: true, rank: true, domainBreakdown: true },
    });
    const bands = await prisma.gradingBand.findMany({ where: { year: { year: 2025 }, unitType: { code: "so-ban-nganh" } }, select: { label: true, minPercent: true } });
    const statistics = computeProvinceStatistics(
      results.map((row) => ({
        agencyId: row.agencyId,
        totalThousandths: toThousandths(row.totalPoints.toString()),
        maxThousandths: toThousandths(row.maxPoints.toString()),
        indexPercentThousandths: toThousandths(row.indexPercent.toString()),
        bandLabel: row.bandLabel,
        isRanked: row.rank !== null,
        domains: parseDomainBreakdown(row.domainBreakdown) ?? [],
      })),
      bands.map((band) => ({ label: band.label, minPercentThousandths: toThousandths(band.minPercent.toString()) })),
      2,
    );
    const own = parseDomainBreakdown(results.find((row) => row.agencyId === profile.agency.id)?.domainBreakdown);
    const domainTitles = await prisma.criterion.findMany({
      where: { criteriaSet: { year: { year: 2025 }, unitType: { code: "so-ban-nganh" } }, parentId: null, section: "MAIN" },
      select: { code: true, title: true },
    });

    expect(detail?.domains?.length).toBeGreaterThan(3);
    expect(detail?.domains?.map((domain) => domain.code)).toEqual(own?.map((domain) => domain.code));
    for (const domain of detail?.domains ?? []) {
      const stored = own?.find((candidate) => candidate.code === domain.code);
      expect([domain.pointsThousandths, domain.maxThousandths]).toEqual([stored?.pointsThousandths, stored?.maxThousandths]);
      expect(domain.averagePercent).toEqual(statistics.domains.find((candidate) => candidate.code === domain.code)?.averagePercent);
      expect(domain.title).toBe(domainTitles.find((candidate) => candidate.code === domain.code)?.title);
      // The agency's % is points / max, half-up at 2 decimals: checked here by exact integer arithmetic.
      const hundredths = Math.floor((2 * 10_000 * domain.pointsThousandths + domain.maxThousandths) / (2 * domain.maxThousandths));
      expect(domain.percent?.thousandths).toBe(hundredths * 10);
      expect(domain.differenceThousandths).toBe((domain.percent?.thousandths ?? 0) - (domain.averagePercent?.thousandths ?? 0));
    }
  });

  it("lists every scored criterion of each domain with its maximum and final points, as stored", async () => {
    const profile = await profileOf("so-tu-phap");
    const scores = await prisma.score.findMany({
      where: { assessment: { year: { year: 2025 }, agency: { slug: "so-tu-phap" } }, criterion: { section: "MAIN" } },
      select: { finalPoints: true, criterion: { select: { code: true, maxPoints: true } } },
    });
    const criteria = criteriaOf(profile);
    expect(criteria.map((criterion) => criterion.code).sort()).toEqual(scores.map((score) => score.criterion.code).sort());
    for (const score of scores) {
      const shown = criteria.find((criterion) => criterion.code === score.criterion.code);
      expect(shown?.maxPoints).toBe(score.criterion.maxPoints.toFixed(3));
      expect(shown?.finalPoints).toBe(score.finalPoints?.toFixed(3) ?? null);
    }
    // Each criterion sits under its own domain.
    for (const domain of profile.detail?.domains ?? []) {
      for (const node of domain.criteria) expect(node.code.startsWith(`${domain.code}.`)).toBe(true);
    }
  });

  it("gives a reason exactly where the appraisers' final word differs from the self score", async () => {
    // Every 2025 department, so that both kinds occur: changed scores, and scores lowered in round 1
    // then restored in round 2 (the same as self: no reason shown).
    const slugs = (await prisma.agency.findMany({ where: { results: { some: { year: { year: 2025 } } }, unitType: { code: "so-ban-nganh" } }, select: { slug: true } })).map((agency) => agency.slug);
    let changed = 0;
    let restored = 0;
    for (const slug of slugs) {
      const profile = await profileOf(slug);
      const scores = await prisma.score.findMany({
        where: { assessment: { year: { year: 2025 }, agency: { slug } }, criterion: { section: "MAIN" } },
        select: { selfPoints: true, round1Points: true, round1Reason: true, round2Points: true, round2Reason: true, criterion: { select: { code: true } } },
      });
      for (const score of scores) {
        const shown = criteriaOf(profile).find((criterion) => criterion.code === score.criterion.code);
        const appraised = score.round2Points ?? score.round1Points;
        if (score.selfPoints !== null && appraised !== null && !appraised.equals(score.selfPoints)) {
          changed += 1;
          expect(shown?.change).toEqual({
            selfThousandths: toThousandths(score.selfPoints.toString()),
            appraisedThousandths: toThousandths(appraised.toString()),
            reason: score.round2Points !== null ? score.round2Reason : score.round1Reason,
          });
        } else {
          if (score.round2Points !== null) restored += 1;
          expect(shown?.change).toBeNull();
        }
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(restored).toBeGreaterThan(0);
  });

  it("takes round 2's reason over round 1's when round 2 changed the score again", async () => {
    const score = await prisma.score.findFirstOrThrow({
      where: { assessment: { year: { year: 2025 }, agency: { slug: "so-tu-phap" } }, round1Points: { not: null }, round2Points: null, criterion: { maxPoints: { gte: 1 } } },
      select: { id: true, selfPoints: true, criterion: { select: { code: true } } },
    });
    await prisma.score.update({ where: { id: score.id }, data: { round2Points: "0.125", round2Reason: "Hội đồng giữ mức trừ điểm, điều chỉnh lại theo biên bản." } });
    const shown = criteriaOf(await profileOf("so-tu-phap")).find((criterion) => criterion.code === score.criterion.code);
    expect(shown?.change).toEqual({
      selfThousandths: toThousandths(score.selfPoints!.toString()),
      appraisedThousandths: 125,
      reason: "Hội đồng giữ mức trừ điểm, điều chỉnh lại theo biên bản.",
    });
  });
});

describe("what is never public", () => {
  it("returns null for an unknown or malformed slug", async () => {
    expect(await getAgencyProfile("khong-co-don-vi-nay", prisma)).toBeNull();
    expect(await getAgencyProfile("../so-tu-phap", prisma)).toBeNull();
    expect(await getAgencyProfile("", prisma)).toBeNull();
  });

  it("shows nothing of an unpublished year, even with a Result, a publication and final scores stored for it", async () => {
    // 2026 is in self-assessment; Sở Tư pháp has submitted draft scores. Give it everything a
    // published year has — a Result with a breakdown, final points with an appraiser's reason, and
    // a publication row — and the profile must still stop at 2025.
    const agency = await prisma.agency.findUniqueOrThrow({ where: { slug: "so-tu-phap" }, select: { id: true, unitTypeId: true } });
    const year2026 = await prisma.assessmentYear.findUniqueOrThrow({ where: { year: 2026 }, select: { id: true } });
    const before = await profileOf("so-tu-phap");
    // A Result consistent with 2026's bands, so that only the phase keeps it out.
    const band2026 = await prisma.gradingBand.findFirstOrThrow({
      where: { yearId: year2026.id, unitTypeId: agency.unitTypeId, minPercent: { lte: "99.990" } },
      orderBy: { minPercent: "desc" },
      select: { label: true },
    });
    const draftScores = await prisma.score.findMany({ where: { assessment: { agencyId: agency.id, yearId: year2026.id } }, select: { id: true } });
    expect(draftScores.length).toBeGreaterThan(0);
    await prisma.score.updateMany({
      where: { id: { in: draftScores.map((score) => score.id) } },
      data: { finalPoints: "0.001", round1Points: "0.002", round1Reason: "BẢN NHÁP 2026" },
    });
    await prisma.result.create({
      data: {
        yearId: year2026.id,
        agencyId: agency.id,
        unitTypeId: agency.unitTypeId,
        totalPoints: "99.990",
        maxPoints: "100.000",
        indexPercent: "99.990",
        rank: 1,
        rankedCount: 1,
        bandLabel: band2026.label,
        domainBreakdown: [{ code: "1", points: "0.001", maxPoints: "1.000" }],
      },
    });
    const published2025 = await prisma.publication.findFirstOrThrow({ where: { year: { year: 2025 } }, select: { snapshot: true } });
    await prisma.publication.create({
      data: { yearId: year2026.id, number: "99/TB-NHAP", issuedOn: new Date("2027-03-01"), snapshot: { ...(published2025.snapshot as object), year: 2026 } },
    });

    for (const phase of ["SELF_ASSESSMENT", "FINALIZED"] as const) {
      await prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase } });
      const after = await profileOf("so-tu-phap");
      expect(after).toEqual(before);
      expect(JSON.stringify(after)).not.toMatch(/"year":2026|99\/TB-NHAP|BẢN NHÁP|99\.99/);
    }

    // The same rows become public the moment the year is PUBLISHED: the filter is the phase.
    await prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase: "PUBLISHED" } });
    const published = await profileOf("so-tu-phap");
    expect(published.history.map((entry) => entry.year)).toEqual([2024, 2025, 2026]);
    expect(published.detail?.year).toBe(2026);
    await prisma.assessmentYear.update({ where: { id: year2026.id }, data: { phase: "SELF_ASSESSMENT" } });
  });

  it("says a year imported from an announcement has no scores, instead of inventing a drill-down", async () => {
    // An imported year stores only the announced totals: no breakdown, no assessment.
    await prisma.result.updateMany({ where: { year: { year: 2025 }, agency: { slug: "so-y-te" } }, data: { domainBreakdown: Prisma.DbNull } });
    const profile = await profileOf("so-y-te");
    expect(profile.history.map((entry) => entry.year)).toEqual([2024, 2025]);
    expect(profile.detail).toEqual({ year: 2025, precision: 2, unitTypeName: "Sở, ban, ngành", domains: null });
  });
});
