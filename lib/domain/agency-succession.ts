// Agencies merge and split (DESIGN §2): "Sở Kế hoạch và Đầu tư and Sở Tài chính became Sở Tài chính
// on 01/03/2025". Each agency keeps its own assessments and results under its own name; the
// successions only link them. Pure: the admin services check a plan with it, the public profile
// reads an agency's links with it.
//
// Dates are calendar dates as "YYYY-MM-DD" strings (Agency.activeFrom/activeTo and
// AgencySuccession.effectiveOn are date-only columns): they compare as strings.

import { dayBefore } from "./calendar-date";

export type SuccessionKind = "MERGE" | "SPLIT" | "RENAME";

/** One stored succession: `predecessorId` became (part of) `successorId` on `effectiveOn`. */
export type SuccessionEdge = { predecessorId: string; successorId: string; kind: SuccessionKind; effectiveOn: string };

export type SuccessionAgency = { id: string; name: string; activeFrom: string | null; activeTo: string | null };

/**
 * A merge (several predecessors, one successor) or a split (one predecessor, several successors)
 * to record. A successor created by the operation (`isNew`) starts on `effectiveOn`.
 */
export type SuccessionPlan = {
  kind: "MERGE" | "SPLIT";
  effectiveOn: string;
  predecessors: readonly SuccessionAgency[];
  successors: readonly (SuccessionAgency & { isNew: boolean })[];
};

/** Why a plan cannot be recorded; every problem of the plan is listed, in this order of checks. */
export type SuccessionProblem =
  /** The same agency is listed twice on one side. */
  | { code: "LISTED_TWICE"; name: string }
  /** The agency is on both sides: merged into itself, or split into itself. */
  | { code: "INTO_ITSELF"; name: string }
  /** This predecessor → successor link is already recorded. */
  | { code: "ALREADY_RECORDED"; predecessorName: string; successorName: string; effectiveOn: string }
  /** The predecessor already became another agency: it cannot end twice. */
  | { code: "PREDECESSOR_ALREADY_SUCCEEDED"; name: string; effectiveOn: string }
  /** The date is on or before the predecessor's first day: it would end before it began. */
  | { code: "NOT_AFTER_ACTIVE_FROM"; name: string; activeFrom: string }
  /** The predecessor had already stopped before the day before the date: the link would leave a gap. */
  | { code: "PREDECESSOR_ENDED_EARLIER"; name: string; activeTo: string }
  /** The successor itself already became another agency (it is a predecessor in the history). */
  | { code: "SUCCESSOR_ALREADY_SUCCEEDED"; name: string; effectiveOn: string }
  /** The successor is not active on the date (it ended before, or starts after). */
  | { code: "SUCCESSOR_INACTIVE"; name: string };

/** Whether an agency with these bounds is active on `date` (bounds inclusive, absent = open). */
export function isActiveOn(agency: { activeFrom: string | null; activeTo: string | null }, date: string): boolean {
  return (agency.activeFrom === null || agency.activeFrom <= date) && (agency.activeTo === null || agency.activeTo >= date);
}

/**
 * Every reason the plan cannot be recorded against the stored successions (empty: it can). The
 * history stays acyclic because a new link never starts from, or leads to, an agency that already
 * became another one.
 */
export function checkSuccession(plan: SuccessionPlan, existing: readonly SuccessionEdge[]): SuccessionProblem[] {
  const problems: SuccessionProblem[] = [];
  for (const side of [plan.predecessors, plan.successors]) {
    const seen = new Set<string>();
    for (const agency of side) {
      if (seen.has(agency.id)) problems.push({ code: "LISTED_TWICE", name: agency.name });
      seen.add(agency.id);
    }
  }
  const successorIds = new Set(plan.successors.map((agency) => agency.id));
  const reported = new Set<string>();
  for (const agency of plan.predecessors) {
    if (successorIds.has(agency.id) && !reported.has(agency.id)) {
      problems.push({ code: "INTO_ITSELF", name: agency.name });
      reported.add(agency.id);
    }
  }

  const successorNames = new Map(plan.successors.map((agency) => [agency.id, agency.name]));
  const lastDay = dayBefore(plan.effectiveOn);
  for (const predecessor of uniqueById(plan.predecessors)) {
    if (reported.has(predecessor.id)) continue;
    const outgoing = existing.filter((edge) => edge.predecessorId === predecessor.id);
    const duplicates = outgoing.filter((edge) => successorNames.has(edge.successorId));
    for (const edge of duplicates) {
      problems.push({ code: "ALREADY_RECORDED", predecessorName: predecessor.name, successorName: successorNames.get(edge.successorId) ?? "", effectiveOn: edge.effectiveOn });
    }
    const earliest = firstByDate(outgoing);
    if (duplicates.length === 0 && earliest) problems.push({ code: "PREDECESSOR_ALREADY_SUCCEEDED", name: predecessor.name, effectiveOn: earliest.effectiveOn });
    if (predecessor.activeFrom !== null && plan.effectiveOn <= predecessor.activeFrom) {
      problems.push({ code: "NOT_AFTER_ACTIVE_FROM", name: predecessor.name, activeFrom: predecessor.activeFrom });
    }
    if (predecessor.activeTo !== null && predecessor.activeTo < lastDay && !earliest) {
      problems.push({ code: "PREDECESSOR_ENDED_EARLIER", name: predecessor.name, activeTo: predecessor.activeTo });
    }
  }

  for (const successor of uniqueById(plan.successors)) {
    if (successor.isNew || reported.has(successor.id)) continue;
    const earliest = firstByDate(existing.filter((edge) => edge.predecessorId === successor.id));
    if (earliest) problems.push({ code: "SUCCESSOR_ALREADY_SUCCEEDED", name: successor.name, effectiveOn: earliest.effectiveOn });
    else if (!isActiveOn(successor, plan.effectiveOn)) problems.push({ code: "SUCCESSOR_INACTIVE", name: successor.name });
  }
  return problems;
}

function uniqueById<T extends { id: string }>(agencies: readonly T[]): T[] {
  return [...new Map(agencies.map((agency) => [agency.id, agency])).values()];
}

function firstByDate(edges: readonly SuccessionEdge[]): SuccessionEdge | undefined {
  return [...edges].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))[0];
}

/** A link from an agency to the one before or after it. */
export type LineageLink = { agencyId: string; kind: SuccessionKind; effectiveOn: string };

/**
 * An agency's direct predecessors (the agencies it continues) and successors (the agencies that
 * continue it), oldest first, from the stored successions. The public profile links them so each
 * agency's history stays visible under its own name.
 */
export function agencyLineage(agencyId: string, edges: readonly SuccessionEdge[]): { predecessors: LineageLink[]; successors: LineageLink[] } {
  const order = (a: LineageLink, b: LineageLink) => a.effectiveOn.localeCompare(b.effectiveOn) || a.agencyId.localeCompare(b.agencyId);
  return {
    predecessors: edges
      .filter((edge) => edge.successorId === agencyId && edge.predecessorId !== agencyId)
      .map((edge) => ({ agencyId: edge.predecessorId, kind: edge.kind, effectiveOn: edge.effectiveOn }))
      .sort(order),
    successors: edges
      .filter((edge) => edge.predecessorId === agencyId && edge.successorId !== agencyId)
      .map((edge) => ({ agencyId: edge.successorId, kind: edge.kind, effectiveOn: edge.effectiveOn }))
      .sort(order),
  };
}
