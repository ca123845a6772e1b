import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";

import { GradingBandsForm } from "@/components/admin/grading-bands-form";
import { PhaseDeadlinesForm } from "@/components/admin/phase-deadlines-form";
import { YearPhaseActions, type ForwardMove } from "@/components/admin/year-phase-actions";
import { YearSettingsForm } from "@/components/admin/year-settings-form";
import { can } from "@/lib/auth/policy";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { DEADLINE_PHASES } from "@/lib/domain/phase-deadlines";
import { YEAR_PHASES, yearPhaseChangesFrom } from "@/lib/domain/workflow";
import { formatPoints, formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { previewYearPhaseChange } from "@/lib/services/change-year-phase";

const { adminYears: text, labels } = getMessages("vi");

type Props = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: interpolate(text.yearTitle, { year: (await params).year }) };
}

/** One year: its phase and the move to the next, overview per unit type, settings, deadlines and bands. */
export default async function YearPage({ params }: Props) {
  const actor = await requireArea("workspace.admin");
  if (!can(actor, "year.manage", { kind: "province" })) forbidden();
  const yearNumber = Number((await params).year);
  if (!Number.isSafeInteger(yearNumber)) notFound();
  const db = getPrisma();
  const year = await db.assessmentYear.findUnique({
    where: { year: yearNumber },
    select: {
      id: true,
      year: true,
      phase: true,
      precision: true,
      isSurveyIncluded: true,
      maxBonusPoints: true,
      maxPenaltyPoints: true,
      deadlines: { select: { phase: true, startsAt: true, endsAt: true } },
    },
  });
  if (!year) notFound();
  const now = new Date();
  const [unitTypes, submitted] = await Promise.all([
    db.unitType.findMany({
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        _count: { select: { agencies: { where: { OR: [{ activeTo: null }, { activeTo: { gt: now } }] } } } },
        criteriaSets: { where: { yearId: year.id }, select: { id: true, title: true, frozenAt: true, _count: { select: { assessments: true } } } },
        gradingBands: { where: { yearId: year.id }, orderBy: { sortOrder: "asc" }, select: { label: true, minPercent: true } },
      },
    }),
    db.assessment.groupBy({ by: ["criteriaSetId"], where: { yearId: year.id, status: { not: "DRAFT" } }, _count: { _all: true } }),
  ]);
  const submittedBySet = new Map(submitted.map((row) => [row.criteriaSetId, row._count._all]));

  const reached = YEAR_PHASES.indexOf(year.phase);
  const moves = yearPhaseChangesFrom(year.phase);
  const forwardTo = moves.find((to) => YEAR_PHASES.indexOf(to) > reached) ?? null;
  const reopenTo = moves.find((to) => YEAR_PHASES.indexOf(to) < reached) ?? null;
  let forward: ForwardMove | null = null;
  if (forwardTo === "FINALIZED" || forwardTo === "PUBLISHED") {
    forward = { to: forwardTo, problems: [] };
  } else if (forwardTo !== null) {
    const preview = await previewYearPhaseChange(db, actor.id, { yearId: year.id, to: forwardTo }, now);
    forward = { to: forwardTo, problems: preview.ok ? preview.value.problems : [{ subject: text.phase.title, message: preview.message }] };
  }

  const isSetup = year.phase === "SETUP";
  const isFinal = year.phase === "FINALIZED" || year.phase === "PUBLISHED";
  const deadlineOf = (phase: string) => year.deadlines.find((deadline) => deadline.phase === phase) ?? null;
  const settings = {
    precision: year.precision,
    isSurveyIncluded: year.isSurveyIncluded,
    maxBonusPoints: formatPoints(year.maxBonusPoints.toFixed(3)),
    maxPenaltyPoints: formatPoints(year.maxPenaltyPoints.toFixed(3)),
  };

  return (
    <section className="space-y-8">
      <Link href="/quan-tri/nam" className="text-brand-700 underline">← {text.back}</Link>
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(text.yearTitle, { year: year.year })}</h1>

      <section aria-labelledby="phase-title" className="space-y-3">
        <h2 id="phase-title" className="text-xl font-semibold">{text.phase.title}</h2>
        <p className="font-medium">{interpolate(text.phase.current, { phase: labels.yearPhase[year.phase] })}</p>
        <YearPhaseActions yearId={year.id} year={year.year} from={year.phase} forward={forward} reopenTo={reopenTo} />
      </section>

      <section aria-labelledby="summary-title" className="space-y-3">
        <h2 id="summary-title" className="text-xl font-semibold">{text.summary.title}</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                {[text.summary.unitType, text.summary.activeAgencies, text.summary.criteriaSet, text.summary.assessments, text.summary.bands].map((label) => (
                  <th key={label} scope="col" className="px-3 py-2">{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {unitTypes.map((unitType) => {
                const set = unitType.criteriaSets[0];
                return (
                  <tr key={unitType.id} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-2 font-medium">{unitType.name}</th>
                    <td className="px-3 py-2">{unitType._count.agencies}</td>
                    <td className="px-3 py-2">
                      {set ? `${set.title} (${set.frozenAt ? interpolate(text.summary.frozen, { date: formatVietnamDate(set.frozenAt) }) : text.summary.notFrozen})` : text.summary.noCriteriaSet}
                    </td>
                    <td className="px-3 py-2">{set ? `${submittedBySet.get(set.id) ?? 0} / ${set._count.assessments}` : "—"}</td>
                    <td className="px-3 py-2">{unitType.gradingBands.length}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="settings-title" className="space-y-3">
        <h2 id="settings-title" className="text-xl font-semibold">{text.settings.title}</h2>
        {isSetup ? (
          <YearSettingsForm yearId={year.id} values={settings} />
        ) : (
          <>
            <p className="text-sm text-slate-700">{text.settings.locked}</p>
            <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-medium">{text.settings.precision}</dt>
              <dd>{settings.precision}</dd>
              <dt className="font-medium">{text.settings.isSurveyIncluded}</dt>
              <dd>{settings.isSurveyIncluded ? text.settings.surveyIncluded : text.settings.surveyExcluded}</dd>
              <dt className="font-medium">{text.settings.maxBonusPoints}</dt>
              <dd>{settings.maxBonusPoints}</dd>
              <dt className="font-medium">{text.settings.maxPenaltyPoints}</dt>
              <dd>{settings.maxPenaltyPoints}</dd>
            </dl>
          </>
        )}
      </section>

      <section aria-labelledby="deadlines-title" className="space-y-3">
        <h2 id="deadlines-title" className="text-xl font-semibold">{text.deadlines.title}</h2>
        {isFinal ? <p className="text-sm text-slate-700">{text.deadlines.locked}</p> : null}
        {isFinal ? (
          <ul className="list-disc pl-6">
            {DEADLINE_PHASES.map((phase) => {
              const deadline = deadlineOf(phase);
              return (
                <li key={phase}>
                  {labels.yearPhase[phase]}: {deadline ? `${deadline.startsAt ? `${formatVietnamDate(deadline.startsAt)} – ` : ""}${formatVietnamDate(deadline.endsAt)}` : text.noDeadline}
                </li>
              );
            })}
          </ul>
        ) : (
          <PhaseDeadlinesForm
            yearId={year.id}
            days={DEADLINE_PHASES.map((phase) => {
              const deadline = deadlineOf(phase);
              return { phase, startsOn: deadline?.startsAt ? formatVietnamDate(deadline.startsAt) : "", endsOn: deadline ? formatVietnamDate(deadline.endsAt) : "" };
            })}
          />
        )}
      </section>

      <section aria-labelledby="bands-title" className="space-y-4">
        <h2 id="bands-title" className="text-xl font-semibold">{text.bands.title}</h2>
        <p className="text-sm text-slate-700">{isFinal ? text.bands.locked : text.bands.intro}</p>
        {unitTypes.map((unitType) =>
          isFinal ? (
            <div key={unitType.id}>
              <h3 className="text-lg font-semibold">{interpolate(text.bands.unitTypeTitle, { unitType: unitType.name })}</h3>
              <ul className="list-disc pl-6">
                {unitType.gradingBands.map((band) => (
                  <li key={band.label}>{band.label}: {formatPoints(band.minPercent.toFixed(3))}%</li>
                ))}
              </ul>
            </div>
          ) : (
            <GradingBandsForm
              key={unitType.id}
              yearId={year.id}
              unitTypeId={unitType.id}
              unitTypeName={unitType.name}
              bands={unitType.gradingBands.map((band) => ({ label: band.label, minPercent: formatPoints(band.minPercent.toFixed(3)) }))}
            />
          ),
        )}
      </section>
    </section>
  );
}
