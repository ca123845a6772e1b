import type { Metadata } from "next";
import Link from "next/link";

import { HistoryImportForm } from "@/components/forms/history-import-form";
import { storedBand } from "@/lib/domain/bands";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMessages } from "@/lib/i18n/messages";
import { bandLinesOf } from "@/lib/imports/band-lines";

const { adminImports, adminHome } = getMessages("vi");
const text = adminImports.history;

export const metadata: Metadata = { title: text.title };

/** Past years' results import (the services check the role again). */
export default async function HistoryImportPage() {
  await requireArea("workspace.admin");
  const db = getPrisma();
  const [unitTypes, bands] = await Promise.all([
    db.unitType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.gradingBand.findMany({ orderBy: { year: { year: "desc" } }, select: { unitTypeId: true, label: true, minPercent: true, year: { select: { year: true } } } }),
  ]);
  // Each unit type's bands of the latest year that has any: provinces rarely change them.
  const defaultBands = (unitTypeId: string) => {
    const ofUnitType = bands.filter((band) => band.unitTypeId === unitTypeId);
    const latest = ofUnitType[0]?.year.year;
    return bandLinesOf(
      ofUnitType.filter((band) => band.year.year === latest).map(storedBand),
    );
  };
  const thisYear = Number(new Date().toLocaleDateString("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).slice(0, 4));
  return (
    <section className="space-y-4">
      <Link href="/quan-tri" className="text-brand-700 underline">← {adminHome.hubTitle}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{text.title}</h1>
      <p>{text.intro}</p>
      <p id="history-columns" className="text-sm text-slate-700">{text.columnsHelp}</p>
      <HistoryImportForm unitTypes={unitTypes.map((unitType) => ({ ...unitType, defaultBands: defaultBands(unitType.id) }))} maxYear={thisYear} />
    </section>
  );
}
