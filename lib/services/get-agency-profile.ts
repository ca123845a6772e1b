import "server-only";

import { z } from "zod";

import { getPrisma, type PrismaClient } from "@/lib/db/prisma";
import { appraisalChange, compareDomains, parseDomainBreakdown, type AppraisalChange, type DomainComparison } from "@/lib/domain/agency-profile";
import { type TGradingBand, storedBand } from "@/lib/domain/bands";
import { calendarDateOf } from "@/lib/domain/calendar-date";
import { toThousandths } from "@/lib/domain/points";
import type { TPublishedResultRow } from "@/lib/domain/publication-snapshot";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/domain/slug";

import { getAgencyLineage, type AgencyLineage } from "./get-agency-lineage";
import { getDomainAverages } from "./get-domain-averages";
import { getPublishedRankings, type PublishedRanking } from "./get-latest-published-ranking";

/** A slug as the URL gives it; anything else cannot name an agency (lib/domain/slug.ts). */
export const ZAgencySlug = z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN);

/** One published year of the agency, exactly as that year's current announcement printed its row. */
export type AgencyProfileYear = {
  year: number;
  precision: 2 | 3;
  unitTypeName: string;
  /** The unit type's URL name: the leaderboard tab of that year. */
  unitTypeCode: string;
  row: TPublishedResultRow;
  /** That year's bands for the unit type, from the top one down (the badge's colour). */
  bands: TGradingBand[];
  publication: PublishedRanking["publication"];
};

/** A node under a domain in the drill-down, in the criteria set's order. */
export type ProfileCriterion =
  | { kind: "group"; code: string; title: string; maxPoints: string; depth: number }
  | {
      kind: "criterion";
      code: string;
      title: string;
      maxPoints: string;
      /** The points that counted; null when the criterion has no final score. */
      finalPoints: string | null;
      depth: number;
      /** Where the appraisers' final word differs from the self score, with their reason. */
      change: AppraisalChange | null;
    };

export type AgencyProfileDomain = DomainComparison & { title: string; criteria: ProfileCriterion[] };

export type AgencyProfileDetail = {
  year: number;
  precision: 2 | 3;
  unitTypeName: string;
  /**
   * The domains against the unit type's averages, with their criteria. Null for a year imported
   * from an earlier announcement: only its totals exist, no scores.
   */
  domains: AgencyProfileDomain[] | null;
};

export type AgencyProfile = {
  agency: { id: string; name: string; slug: string; unitTypeName: string; endedOn: string | null };
  /** Every published year with a result for the agency, oldest first. */
  history: AgencyProfileYear[];
  /** The latest published year of `history` in detail; null when the agency has no published result. */
  detail: AgencyProfileDetail | null;
  lineage: AgencyLineage;
};

/**
 * An agency's public profile, or null for an unknown slug. Public: no actor. Only PUBLISHED years:
 * the history comes from each year's current publication snapshot (getPublishedRankings), so it
 * shows the leaderboard's figures; the domains and criteria of the latest of those years come from
 * its stored Result and Scores, read only for a year whose phase is PUBLISHED.
 */
export async function getAgencyProfile(slug: string, db: PrismaClient = getPrisma()): Promise<AgencyProfile | null> {
  const parsed = ZAgencySlug.safeParse(slug);
  if (!parsed.success) return null;
  const agency = await db.agency.findUnique({
    where: { slug: parsed.data },
    select: { id: true, name: true, slug: true, activeTo: true, unitType: { select: { name: true } } },
  });
  if (!agency) return null;

  const [history, lineage] = await Promise.all([loadHistory(db, agency.id), getAgencyLineage(agency.id, db)]);
  const latest = history.at(-1);
  return {
    agency: {
      id: agency.id,
      name: agency.name,
      slug: agency.slug,
      unitTypeName: agency.unitType.name,
      endedOn: agency.activeTo ? calendarDateOf(agency.activeTo) : null,
    },
    history,
    detail: latest ? await loadDetail(db, agency.id, latest) : null,
    lineage,
  };
}

async function loadHistory(db: PrismaClient, agencyId: string): Promise<AgencyProfileYear[]> {
  const rankings = await getPublishedRankings(db);
  const entries = rankings.flatMap((ranking) =>
    ranking.unitTypes.flatMap((unitType) =>
      unitType.rows.filter((row) => row.agencyId === agencyId).map((row) => ({ ranking, unitTypeId: unitType.unitTypeId, unitTypeName: unitType.unitTypeName, row })),
    ),
  );
  if (entries.length === 0) return [];
  const [unitTypes, bands] = await Promise.all([
    db.unitType.findMany({ where: { id: { in: entries.map((entry) => entry.unitTypeId) } }, select: { id: true, code: true } }),
    db.gradingBand.findMany({
      where: { year: { phase: "PUBLISHED", year: { in: entries.map((entry) => entry.ranking.year) } }, unitTypeId: { in: entries.map((entry) => entry.unitTypeId) } },
      orderBy: { minPercent: "desc" },
      select: { unitTypeId: true, label: true, minPercent: true, year: { select: { year: true } } },
    }),
  ]);
  const codeOf = new Map(unitTypes.map((unitType) => [unitType.id, unitType.code]));
  return entries
    .map(({ ranking, unitTypeId, unitTypeName, row }) => ({
      year: ranking.year,
      precision: ranking.precision,
      unitTypeName,
      unitTypeCode: codeOf.get(unitTypeId) ?? unitTypeId,
      row,
      bands: bands
        .filter((band) => band.year.year === ranking.year && band.unitTypeId === unitTypeId)
        .map(storedBand),
      publication: ranking.publication,
    }))
    .sort((a, b) => a.year - b.year);
}

async function loadDetail(db: PrismaClient, agencyId: string, latest: AgencyProfileYear): Promise<AgencyProfileDetail> {
  const base = { year: latest.year, precision: latest.precision, unitTypeName: latest.unitTypeName };
  // Every read below names the year AND requires it PUBLISHED: the profile can never reach a
  // draft year's results or scores, whatever rows exist for it.
  const publishedYear = { year: latest.year, phase: "PUBLISHED" as const };
  const result = await db.result.findFirst({
    where: { agencyId, year: publishedYear },
    select: { unitTypeId: true, domainBreakdown: true },
  });
  const ownDomains = result ? parseDomainBreakdown(result.domainBreakdown) : null;
  if (!result || !ownDomains) return { ...base, domains: null };

  const [domainAverages, criteria, assessment] = await Promise.all([
    // The year's bands of the unit type: the history already read them for this year's row.
    getDomainAverages(db, latest.year, [{ unitTypeId: result.unitTypeId, bands: latest.bands }], latest.precision),
    db.criterion.findMany({
      where: { criteriaSet: { year: publishedYear, unitTypeId: result.unitTypeId }, section: "MAIN" },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, parentId: true, code: true, title: true, maxPoints: true },
    }),
    db.assessment.findFirst({
      where: { agencyId, year: publishedYear },
      select: {
        scores: {
          select: { criterionId: true, selfPoints: true, round1Points: true, round1Reason: true, round2Points: true, round2Reason: true, finalPoints: true },
        },
      },
    }),
  ]);


  const scoreOf = new Map((assessment?.scores ?? []).map((score) => [score.criterionId, score]));
  const childrenOf = new Map<string | null, typeof criteria>();
  for (const criterion of criteria) childrenOf.set(criterion.parentId, [...(childrenOf.get(criterion.parentId) ?? []), criterion]);
  const points = (value: { toString(): string } | null) => (value === null ? null : toThousandths(value.toString()));

  const nodesUnder = (parentId: string, depth: number): ProfileCriterion[] =>
    (childrenOf.get(parentId) ?? []).flatMap((node): ProfileCriterion[] => {
      const maxPoints = node.maxPoints.toFixed(3);
      if (childrenOf.has(node.id)) return [{ kind: "group", code: node.code, title: node.title, maxPoints, depth }, ...nodesUnder(node.id, depth + 1)];
      const score = scoreOf.get(node.id);
      return [
        {
          kind: "criterion",
          code: node.code,
          title: node.title,
          maxPoints,
          depth,
          finalPoints: score?.finalPoints?.toFixed(3) ?? null,
          change: score
            ? appraisalChange({
                selfThousandths: points(score.selfPoints),
                round1Thousandths: points(score.round1Points),
                round1Reason: score.round1Reason,
                round2Thousandths: points(score.round2Points),
                round2Reason: score.round2Reason,
              })
            : null,
        },
      ];
    });
  const domainNodes = new Map((childrenOf.get(null) ?? []).map((node) => [node.code, node]));
  return {
    ...base,
    domains: compareDomains(ownDomains, domainAverages.get(result.unitTypeId) ?? [], latest.precision).map((domain) => {
      const node = domainNodes.get(domain.code);
      return { ...domain, title: node?.title ?? domain.code, criteria: node && assessment ? nodesUnder(node.id, 0) : [] };
    }),
  };
}
