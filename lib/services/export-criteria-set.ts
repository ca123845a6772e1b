import "server-only";

import { z } from "zod";

import type { PrismaClient } from "@/lib/db/prisma";
import { criteriaSetDocument, type TCriteriaSetDocument } from "@/lib/domain/criteria-set-document";
import { toThousandths } from "@/lib/domain/points";

import { loadSetForAdmin, storedCriteriaOf } from "./criteria-set-storage";
import { failure, success, type ServiceResult } from "./service-result";

export const ZExportCriteriaSetInput = z.object({ criteriaSetId: z.string().min(1).max(100) });

export type CriteriaSetExport = { document: TCriteriaSetDocument; fileBaseName: string };

/**
 * A criteria set as its portable document (lib/domain/criteria-set-document.ts), for the XLSX and
 * JSON downloads; administrators only. A set without criteria cannot be exported (NOT_FOUND):
 * there would be nothing to import back.
 */
export async function exportCriteriaSet(db: PrismaClient, actorId: string | null | undefined, rawInput: unknown): Promise<ServiceResult<CriteriaSetExport>> {
  const parsed = ZExportCriteriaSetInput.safeParse(rawInput);
  const loaded = await loadSetForAdmin(db, actorId, parsed.success ? parsed.data.criteriaSetId : "");
  if (!loaded.ok) return loaded;
  const { set } = loaded.value;
  const [criteria, units] = await Promise.all([storedCriteriaOf(db, set.id), db.appraiserUnit.findMany({ select: { id: true, name: true } })]);
  if (criteria.length === 0) return failure("NOT_FOUND");
  const document = criteriaSetDocument(
    { title: set.title, year: set.year.year, unitType: set.unitType.name, totalMaxPoints: toThousandths(set.totalMaxPoints.toFixed(3)) },
    criteria,
    new Map(units.map((unit) => [unit.id, unit.name])),
  );
  return success({ document, fileBaseName: `bo-chi-so-${set.year.year}-${set.unitType.code}` });
}
