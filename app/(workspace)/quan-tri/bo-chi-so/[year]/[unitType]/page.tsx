import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { CriteriaSetEditor } from "@/components/criteria-sets/criteria-set-editor";
import { CriteriaSetFreeze } from "@/components/criteria-sets/criteria-set-freeze";
import { CriteriaSetImport } from "@/components/criteria-sets/criteria-set-import";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { toThousandths } from "@/lib/domain/points";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { storedCriteriaOf } from "@/lib/services/criteria-set-storage";

const { adminCriteria } = getMessages("vi");
const text = adminCriteria.editor;

export const metadata: Metadata = { title: adminCriteria.list.title };

/** One year's criteria set of one unit type: the tree editor, export, import and freezing. */
export default async function CriteriaSetPage({ params }: { params: Promise<{ year: string; unitType: string }> }) {
  // The page checks the role too: the layout's check runs alongside it, and what a page renders
  // before that check refuses was streamed into the 403 response.
  await requireArea("workspace.admin");
  const { year: yearParam, unitType: unitTypeCode } = await params;
  if (!/^\d{4}$/.test(yearParam)) notFound();
  const db = getPrisma();
  const set = await db.criteriaSet.findFirst({
    where: { year: { year: Number(yearParam) }, unitType: { code: unitTypeCode } },
    select: {
      id: true,
      title: true,
      totalMaxPoints: true,
      frozenAt: true,
      updatedAt: true,
      unitType: { select: { name: true } },
      year: { select: { year: true, phase: true, maxBonusPoints: true, maxPenaltyPoints: true } },
    },
  });
  if (!set) notFound();
  const [criteria, appraiserUnits] = await Promise.all([
    storedCriteriaOf(db, set.id),
    db.appraiserUnit.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const isEditable = set.frozenAt === null;
  const exportBase = `/api/admin/criteria-sets/${set.id}`;

  return (
    <section className="space-y-4">
      <Link href="/quan-tri/bo-chi-so" className="text-brand-700 underline">{text.back}</Link>
      <div>
        <h1 className="text-2xl font-bold text-brand-800">{set.title}</h1>
        <p>{interpolate(text.subtitle, { year: set.year.year, unitType: set.unitType.name })}</p>
      </div>

      {set.frozenAt ? (
        <CriteriaSetFreeze criteriaSetId={set.id} isFrozen notice={interpolate(adminCriteria.freeze.frozenNotice, { date: formatVietnamDate(set.frozenAt) })} />
      ) : set.year.phase !== "SETUP" ? (
        <CriteriaSetFreeze criteriaSetId={set.id} isFrozen={false} notice={adminCriteria.freeze.unfrozenNotice} />
      ) : null}

      {criteria.length > 0 ? (
        <nav aria-label={adminCriteria.export.heading} className="flex flex-wrap items-center gap-3">
          <span className="font-medium">{adminCriteria.export.heading}:</span>
          <a href={`${exportBase}/xlsx`} className="text-brand-700 underline" download>{adminCriteria.export.xlsx}</a>
          <a href={`${exportBase}/json`} className="text-brand-700 underline" download>{adminCriteria.export.json}</a>
        </nav>
      ) : null}

      <CriteriaSetEditor
        criteriaSetId={set.id}
        updatedAt={set.updatedAt.toISOString()}
        title={set.title}
        totalMaxPoints={toThousandths(set.totalMaxPoints.toFixed(3))}
        criteria={criteria}
        appraiserUnits={appraiserUnits}
        maxBonusPoints={toThousandths(set.year.maxBonusPoints.toFixed(3))}
        maxPenaltyPoints={toThousandths(set.year.maxPenaltyPoints.toFixed(3))}
        isEditable={isEditable}
      />

      {isEditable ? <CriteriaSetImport criteriaSetId={set.id} /> : null}
    </section>
  );
}
