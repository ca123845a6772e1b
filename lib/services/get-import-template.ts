import "server-only";

import { z } from "zod";

import { loadActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/prisma";
import { importTemplateCsv, importTemplateXlsx, type ImportTemplate } from "@/lib/exports/import-template";
import { vi } from "@/lib/i18n/vi";
import { HISTORY_COLUMNS } from "@/lib/imports/history-rows";
import { SURVEY_COLUMNS } from "@/lib/imports/survey-rows";

import { failure, success, type ServiceResult } from "./service-result";

export const ZGetImportTemplateInput = z.object({
  format: z.enum(["xlsx", "csv"]),
  /** Survey template only — with a year: one row per agency and survey criterion of that year, with the points stored so far. */
  yearId: z.string().min(1).max(100).optional(),
});
export type TGetImportTemplateInput = z.input<typeof ZGetImportTemplateInput>;

export type ImportTemplateFile = { fileName: string; contentType: string; bytes: Uint8Array };

export const TEMPLATE_CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

const vietnameseOrder = new Intl.Collator("vi");

/**
 * The survey results template. For a year it lists every agency scored that year — those with an
 * assessment, and the agencies active that year of each unit type that has a criteria set — under
 * each SURVEY criterion of its set, with the points already stored, so the Department fills in the
 * blanks, and re-importing the file unchanged changes nothing.
 */
export async function getSurveyTemplate(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<ImportTemplateFile>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZGetImportTemplateInput.safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "survey.import", { kind: "province" })) return failure("FORBIDDEN");
  const { format, yearId } = parsed.data;

  let rows: ImportTemplate["rows"] = [];
  let suffix = "";
  if (yearId !== undefined) {
    const year = await db.assessmentYear.findUnique({ where: { id: yearId }, select: { id: true, year: true } });
    if (!year) return failure("NOT_FOUND");
    suffix = `-${year.year}`;
    rows = await prefilledRows(db, year);
  }
  const template: ImportTemplate = { columns: SURVEY_COLUMNS, guide: vi.adminImports.surveyTemplate, rows };
  return success({
    fileName: `mau-diem-dieu-tra-xa-hoi-hoc${suffix}.${format}`,
    contentType: TEMPLATE_CONTENT_TYPES[format],
    bytes: format === "xlsx" ? await importTemplateXlsx(template) : importTemplateCsv(template),
  });
}

/** The historical results template: the columns and their guide, no rows. */
export async function getHistoryTemplate(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<ImportTemplateFile>> {
  const actor = await loadActor(db, actorId);
  if (!actor) return failure("UNAUTHENTICATED");
  const parsed = ZGetImportTemplateInput.omit({ yearId: true }).safeParse(rawInput);
  if (!parsed.success) return failure("VALIDATION_FAILED");
  if (!can(actor, "history.import", { kind: "province" })) return failure("FORBIDDEN");
  const { format } = parsed.data;
  const template: ImportTemplate = { columns: HISTORY_COLUMNS, guide: vi.adminImports.historyTemplate, rows: [] };
  return success({
    fileName: `mau-ket-qua-cac-nam-truoc.${format}`,
    contentType: TEMPLATE_CONTENT_TYPES[format],
    bytes: format === "xlsx" ? await importTemplateXlsx(template) : importTemplateCsv(template),
  });
}

async function prefilledRows(db: PrismaClient, year: { id: string; year: number }): Promise<ImportTemplate["rows"]> {
  const firstDay = new Date(Date.UTC(year.year, 0, 1));
  const lastDay = new Date(Date.UTC(year.year, 11, 31));
  const [sets, assessments, stored] = await Promise.all([
    db.criteriaSet.findMany({
      where: { yearId: year.id },
      orderBy: { unitType: { sortOrder: "asc" } },
      select: {
        id: true,
        unitTypeId: true,
        criteria: { where: { method: "SURVEY" }, orderBy: { sortOrder: "asc" }, select: { id: true, code: true, title: true, maxPoints: true } },
      },
    }),
    db.assessment.findMany({ where: { yearId: year.id }, select: { agencyId: true, criteriaSetId: true } }),
    db.surveyResult.findMany({ where: { yearId: year.id }, select: { agencyId: true, criterionId: true, points: true } }),
  ]);
  const unitTypeSet = new Map(sets.map((set) => [set.unitTypeId, set.id]));
  const assessedSet = new Map(assessments.map((assessment) => [assessment.agencyId, assessment.criteriaSetId]));
  const agencies = await db.agency.findMany({
    where: {
      OR: [
        { id: { in: [...assessedSet.keys()] } },
        {
          unitTypeId: { in: [...unitTypeSet.keys()] },
          AND: [{ OR: [{ activeFrom: null }, { activeFrom: { lte: lastDay } }] }, { OR: [{ activeTo: null }, { activeTo: { gte: firstDay } }] }],
        },
      ],
    },
    select: { id: true, name: true, slug: true, unitTypeId: true },
  });
  const setOf = (agency: (typeof agencies)[number]) => assessedSet.get(agency.id) ?? unitTypeSet.get(agency.unitTypeId);
  const storedPoints = new Map(stored.map((row) => [`${row.agencyId}:${row.criterionId}`, row.points.toFixed(3)]));

  // Two agencies of the year under one name are told apart by their slug, which the import also reads.
  const nameCount = new Map<string, number>();
  for (const agency of agencies) nameCount.set(agency.name, (nameCount.get(agency.name) ?? 0) + 1);
  const rows: Record<string, string | number>[] = [];
  for (const set of sets) {
    const members = agencies.filter((agency) => setOf(agency) === set.id).sort((a, b) => vietnameseOrder.compare(a.name, b.name));
    for (const agency of members) {
      for (const criterion of set.criteria) {
        const points = storedPoints.get(`${agency.id}:${criterion.id}`);
        rows.push({
          agency: nameCount.get(agency.name)! > 1 ? agency.slug : agency.name,
          criterion: criterion.code,
          points: points === undefined ? "" : Number(points),
          title: criterion.title,
          maxPoints: Number(criterion.maxPoints.toFixed(3)),
        });
      }
    }
  }
  return rows;
}
