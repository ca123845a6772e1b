import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/prisma";
import { checkSuccession, type SuccessionEdge, type SuccessionProblem } from "@/lib/domain/agency-succession";
import { calendarDateOf, dateValueOf, dayBefore } from "@/lib/domain/calendar-date";
import { SLUG_PATTERN, slugify } from "@/lib/domain/slug";
import { formatDate, interpolate } from "@/lib/i18n/format";
import { vi } from "@/lib/i18n/vi";

import { isUniqueViolation } from "./admin-input";
import { appendAuditEvent } from "./audit";
import { fieldRefusal, Refusal, withRefusals } from "./refusal";
import { ZAgencyFields, checkUnitTypeTakes } from "./save-agency";
import { failure, success, type ServiceResult } from "./service-result";

// The part merge-agencies.ts and split-agency.ts share: check a succession against the stored
// history (lib/domain/agency-succession.ts) and record it in one transaction.

const text = vi.adminOrg.succession;

/** A successor: an existing agency, or a new one the operation creates (active from the date). */
export const ZSuccessorInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("existing"), agencyId: z.string(text.agencyRequired).trim().min(1, text.agencyRequired).max(100) }),
  ZAgencyFields.extend({ kind: z.literal("new") }),
]);
export type TSuccessorInput = z.output<typeof ZSuccessorInput>;

export type SuccessionRequest = {
  kind: "MERGE" | "SPLIT";
  effectiveOn: string;
  note: string | null;
  predecessorIds: readonly string[];
  successors: readonly TSuccessorInput[];
  /** Where each successor's fields are in the form ("successor", "successors.1"), for the errors. */
  successorPath: (index: number) => string;
};

export type RecordedSuccession = { predecessorIds: string[]; successorIds: string[] };

const AGENCY_BOUNDS = { id: true, name: true, activeFrom: true, activeTo: true } as const satisfies Prisma.AgencySelect;

/**
 * Records the request, or refuses it with every problem listed (VALIDATION_FAILED; nothing is
 * saved): unknown agencies (NOT_FOUND), the history's problems (checkSuccession), and a new
 * successor the unit type cannot take or whose slug is taken. The predecessors end the day before
 * the date; a new successor starts on it.
 */
export async function recordAgencySuccession(db: PrismaClient, actor: Actor, request: SuccessionRequest, now: Date): Promise<ServiceResult<RecordedSuccession>> {
  const existingSuccessorIds = request.successors.flatMap((successor) => (successor.kind === "existing" ? [successor.agencyId] : []));
  const involvedIds = [...new Set([...request.predecessorIds, ...existingSuccessorIds])].sort();
  const lastDay = dayBefore(request.effectiveOn);
  try {
    return await withRefusals(() =>
      db.$transaction(async (tx) => {
        // FOR UPDATE in id order: two successions touching the same agency run one after the other,
        // and the second sees the first's links (an agency cannot end twice).
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Agency" WHERE "id" = ANY(${involvedIds}) ORDER BY "id" FOR UPDATE`;
        if (locked.length !== involvedIds.length) throw new Refusal(failure("NOT_FOUND"));
        const rows = await tx.agency.findMany({ where: { id: { in: involvedIds } }, select: AGENCY_BOUNDS });
        const byId = new Map(rows.map((row) => [row.id, bounds(row)]));
        const edges: SuccessionEdge[] = (
          await tx.agencySuccession.findMany({
            where: { predecessorId: { in: involvedIds } },
            select: { predecessorId: true, successorId: true, kind: true, effectiveOn: true },
          })
        ).map((edge) => ({ ...edge, effectiveOn: calendarDateOf(edge.effectiveOn) }));

        // The history first, with placeholders for the agencies the operation creates.
        const predecessors = request.predecessorIds.map((id) => byId.get(id)!);
        const planned = request.successors.map((successor, index) =>
          successor.kind === "existing" ? { ...byId.get(successor.agencyId)!, isNew: false } : { id: `new:${index}`, name: successor.name, activeFrom: request.effectiveOn, activeTo: null, isNew: true },
        );
        const problems = checkSuccession({ kind: request.kind, effectiveOn: request.effectiveOn, predecessors, successors: planned }, edges);
        if (problems.length > 0) {
          const issues = problems.map((problem) => ({ path: "agencies", message: problemMessage(problem, request.effectiveOn) }));
          throw new Refusal(failure("VALIDATION_FAILED", { message: issues[0]!.message, issues }));
        }

        const newSlugs = new Set<string>();
        const successors = [];
        for (const [index, successor] of request.successors.entries()) {
          if (successor.kind === "existing") {
            successors.push(planned[index]!);
            continue;
          }
          const slug = successor.slug ?? slugify(successor.name);
          const path = request.successorPath(index);
          if (!SLUG_PATTERN.test(slug)) throw new Refusal(fieldRefusal(`${path}.slug`, vi.adminOrg.validation.slugInvalid));
          const owner = await tx.agency.findUnique({ where: { slug }, select: { name: true } });
          if (owner || newSlugs.has(slug)) {
            throw new Refusal(fieldRefusal(`${path}.slug`, interpolate(vi.adminOrg.agencies.refusals.slugTaken, { slug, name: owner?.name ?? successor.name })));
          }
          newSlugs.add(slug);
          await checkUnitTypeTakes(tx, { unitTypeId: successor.unitTypeId, activeTo: null }, null, now).catch((error: unknown) => {
            throw error instanceof Refusal ? new Refusal(fieldRefusal(`${path}.unitTypeId`, error.result.message)) : error;
          });
          if (successor.parentId !== null && !(await tx.agency.findUnique({ where: { id: successor.parentId }, select: { id: true } }))) {
            throw new Refusal(fieldRefusal(`${path}.parentId`, vi.adminOrg.agencies.refusals.parentUnknown));
          }
          const fields = { name: successor.name, shortName: successor.shortName, unitTypeId: successor.unitTypeId, parentId: successor.parentId, isRanked: successor.isRanked };
          const created = await tx.agency.create({
            data: { ...fields, slug, activeFrom: dateValueOf(request.effectiveOn) },
            select: { id: true, name: true, activeFrom: true, activeTo: true },
          });
          await appendAuditEvent(tx, {
            type: "AGENCY_SAVED",
            actor,
            subjectType: "Agency",
            subjectId: created.id,
            after: { ...fields, slug, activeFrom: request.effectiveOn, activeTo: null },
          });
          successors.push({ ...bounds(created), isNew: true });
        }

        for (const predecessor of predecessors) {
          for (const successor of successors) {
            await tx.agencySuccession.create({
              data: {
                predecessorId: predecessor.id,
                successorId: successor.id,
                kind: request.kind,
                effectiveOn: dateValueOf(request.effectiveOn),
                note: request.note,
              },
              select: { id: true },
            });
          }
          // It ends the day before; an earlier recorded end was refused above (a gap), the same one is kept.
          if (predecessor.activeTo !== lastDay) {
            await tx.agency.update({ where: { id: predecessor.id }, data: { activeTo: dateValueOf(lastDay) }, select: { id: true } });
          }
        }
        const [subject] = request.kind === "MERGE" ? successors : predecessors;
        await appendAuditEvent(tx, {
          type: request.kind === "MERGE" ? "AGENCY_MERGED" : "AGENCY_SPLIT",
          actor,
          subjectType: "Agency",
          subjectId: subject!.id,
          before: { predecessors: predecessors.map((agency) => ({ id: agency.id, name: agency.name, activeTo: agency.activeTo })) },
          after: {
            effectiveOn: request.effectiveOn,
            note: request.note,
            predecessors: predecessors.map((agency) => ({ id: agency.id, name: agency.name, activeTo: lastDay })),
            successors: successors.map((agency) => ({ id: agency.id, name: agency.name, isNew: agency.isNew })),
          },
        });
        return success({ predecessorIds: predecessors.map((agency) => agency.id), successorIds: successors.map((agency) => agency.id) });
      }),
    );
  } catch (error) {
    // A concurrent save took a new successor's slug; the succession pair is unique too, but its
    // rows are locked above, so only a slug can race.
    if (isUniqueViolation(error, "slug")) return failure("VALIDATION_FAILED", { message: vi.adminOrg.agencies.refusals.slugJustTaken });
    throw error;
  }
}

function bounds(row: { id: string; name: string; activeFrom: Date | null; activeTo: Date | null }) {
  return { id: row.id, name: row.name, activeFrom: row.activeFrom ? calendarDateOf(row.activeFrom) : null, activeTo: row.activeTo ? calendarDateOf(row.activeTo) : null };
}

function date(value: string): string {
  return formatDate(dateValueOf(value));
}

/** The Vietnamese sentence of one problem, with its agencies and dates. */
export function problemMessage(problem: SuccessionProblem, effectiveOn: string): string {
  const messages = text.problems;
  switch (problem.code) {
    case "LISTED_TWICE":
      return interpolate(messages.LISTED_TWICE, { name: problem.name });
    case "INTO_ITSELF":
      return interpolate(messages.INTO_ITSELF, { name: problem.name });
    case "ALREADY_RECORDED":
      return interpolate(messages.ALREADY_RECORDED, { predecessor: problem.predecessorName, successor: problem.successorName, date: date(problem.effectiveOn) });
    case "PREDECESSOR_ALREADY_SUCCEEDED":
      return interpolate(messages.PREDECESSOR_ALREADY_SUCCEEDED, { name: problem.name, date: date(problem.effectiveOn) });
    case "NOT_AFTER_ACTIVE_FROM":
      return interpolate(messages.NOT_AFTER_ACTIVE_FROM, { name: problem.name, date: date(problem.activeFrom) });
    case "PREDECESSOR_ENDED_EARLIER":
      return interpolate(messages.PREDECESSOR_ENDED_EARLIER, { name: problem.name, date: date(problem.activeTo) });
    case "SUCCESSOR_ALREADY_SUCCEEDED":
      return interpolate(messages.SUCCESSOR_ALREADY_SUCCEEDED, { name: problem.name, date: date(problem.effectiveOn) });
    case "SUCCESSOR_INACTIVE":
      return interpolate(messages.SUCCESSOR_INACTIVE, { name: problem.name, date: date(effectiveOn) });
  }
}
