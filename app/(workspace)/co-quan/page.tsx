import Link from "next/link";

import { MyTasks, type Task } from "@/components/workspace/my-tasks";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { computeAssessmentTotals, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree } from "@/lib/domain/criteria-tree";
import { toThousandths } from "@/lib/domain/points";
import { daysLeftIfDueSoon } from "@/lib/domain/reminders";
import { selfAssessmentClosesAt } from "@/lib/domain/workflow";
import { formatPercent, formatPoints, formatPointsFromThousandths, formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import { getSelfAssessmentForm } from "@/lib/services/get-self-assessment-form";

const DAY_MS = 24 * 60 * 60 * 1000;

export default async function AgencyHomePage() {
  const actor = await requireArea("workspace.agency");
  const { agencyHome, labels, selfAssessment, appraisalOutcome } = getMessages("vi");
  const db = getPrisma();
  const { year, agencyName, assessment } = await getSelfAssessmentForm(db, actor);
  if (!year) return <p>{agencyHome.noOpenYear}</p>;

  const closesAt = selfAssessmentClosesAt(year.deadlines[0]?.endsAt ?? null, assessment?.deadlineExtendedTo ?? null);
  const daysLeft = closesAt ? daysUntil(closesAt) : null;
  const lastYear = await db.result.findFirst({
    where: { agencyId: actor.agencyId ?? "", year: { year: year.year - 1 } },
    select: { indexPercent: true, rank: true, rankedCount: true, year: { select: { year: true, precision: true } } },
  });

  let summary: { answered: number; total: number; totalLine: string; evidenceMissing: number; explanationsMissing: number; disputed: number; explained: number } | null = null;
  if (assessment) {
    const built = buildCriteriaTree({ criteria: assessment.criteria, maxBonusPoints: assessment.maxBonusPoints, maxPenaltyPoints: assessment.maxPenaltyPoints });
    const selfScored = assessment.criteria.filter((criterion) => criterion.method && (criterion.method as { method: string }).method !== "SURVEY");
    const codeById = new Map(assessment.criteria.map((criterion) => [criterion.id, criterion.code]));
    const scores = new Map<string, LeafScore>();
    for (const score of assessment.scores) {
      const code = codeById.get(score.criterionId);
      if (code && score.points !== null) scores.set(code, { self: { points: toThousandths(score.points) } });
    }
    if (built.ok) {
      // The same engine as the form and the published results: one formula everywhere.
      const self = computeAssessmentTotals(built.tree, scores, { isFinalized: false, isSurveyIncluded: assessment.isSurveyIncluded, precision: assessment.precision }).self;
      const scoreById = new Map(assessment.scores.map((score) => [score.criterionId, score]));
      const withoutEvidence = selfScored.filter((criterion) => criterion.isEvidenceRequired && (scoreById.get(criterion.id)?.evidence.length ?? 0) === 0);
      const disputed = assessment.scores.filter((score) => score.appraisal?.isDisputed);
      summary = {
        evidenceMissing: withoutEvidence.length,
        explanationsMissing: withoutEvidence.filter((criterion) => !scoreById.get(criterion.id)?.explanation).length,
        disputed: disputed.length,
        explained: disputed.filter((score) => score.appraisal?.explanation).length,
        answered: assessment.scores.filter((score) => score.points !== null && selfScored.some((criterion) => criterion.id === score.criterionId)).length,
        total: selfScored.length,
        totalLine: interpolate(selfAssessment.total, {
          points: formatPointsFromThousandths(self.totalPoints),
          max: formatPointsFromThousandths(self.maxPoints),
          percent: self.indexPercent ? formatPercent(self.indexPercent.text, assessment.precision) : "—",
        }),
      };
    }
  }

  const { tasks: taskText } = getMessages("vi");
  const tasks: Task[] = [];
  const formHref = "/co-quan/tu-danh-gia";
  const now = new Date();
  if (assessment?.status === "DRAFT" && closesAt) {
    const days = daysLeftIfDueSoon(closesAt, now);
    if (days !== null) tasks.push({ text: interpolate(taskText.selfAssessmentDueSoon, { days, date: formatVietnamDate(closesAt) }), href: formHref });
  }
  if (assessment?.status === "RETURNED" && summary) {
    tasks.push({ text: interpolate(taskText.explainReturned, { n: summary.disputed - summary.explained, m: summary.disputed }), href: formHref });
    const deadline = assessment.appraisal?.explanationDeadline ?? null;
    const days = daysLeftIfDueSoon(deadline, now);
    if (days !== null && deadline) tasks.push({ text: interpolate(taskText.explanationDueSoon, { days, date: formatVietnamDate(deadline) }), href: formHref });
  }

  return (
    <section className="space-y-3">
      <MyTasks tasks={tasks} />
      <h1 className="text-2xl font-bold text-brand-800">{interpolate(agencyHome.title, { year: year.year, agency: agencyName ?? "" })}</h1>
      <p>{interpolate(agencyHome.phase, { phase: labels.yearPhase[year.phase] })}</p>
      {/* The deadline that matters now: self-assessment while drafting, explanation once returned. */}
      {closesAt && (!assessment || assessment.status === "DRAFT") ? (
        <p>
          {interpolate(agencyHome.deadline, { date: formatVietnamDate(closesAt) })} —{" "}
          <strong>{daysLeft !== null && daysLeft >= 0 ? interpolate(selfAssessment.countdown, { days: daysLeft }) : selfAssessment.deadlinePassed}</strong>
        </p>
      ) : null}
      {assessment?.status === "RETURNED" && assessment.appraisal?.explanationDeadline ? (
        <p>
          {interpolate(agencyHome.explanationDeadline, { date: formatVietnamDate(assessment.appraisal.explanationDeadline) })} —{" "}
          <strong>
            {daysUntil(assessment.appraisal.explanationDeadline) >= 0
              ? interpolate(selfAssessment.countdown, { days: daysUntil(assessment.appraisal.explanationDeadline) })
              : selfAssessment.deadlinePassed}
          </strong>
        </p>
      ) : null}
      {assessment && summary ? (
        <>
          <p>{interpolate(agencyHome.status, { status: labels.assessmentStatus[assessment.status] })}</p>
          <p>
            <progress max={summary.total} value={summary.answered} className="mr-2 align-middle" aria-hidden="true" />
            {interpolate(agencyHome.progress, { answered: summary.answered, total: summary.total })}
          </p>
          {assessment.status === "DRAFT" ? (
            <ul className="list-disc pl-6">
              <li>{interpolate(agencyHome.evidenceMissing, { count: summary.evidenceMissing })}</li>
              <li>{interpolate(agencyHome.explanationsMissing, { count: summary.explanationsMissing })}</li>
            </ul>
          ) : null}
          {assessment.status === "RETURNED" ? <p className="font-semibold text-amber-900">{interpolate(agencyHome.explainProgress, { explained: summary.explained, disputed: summary.disputed })}</p> : null}
          <p className="font-semibold">{summary.totalLine}</p>
          {assessment.appraisal ? (
            <p className="font-semibold">
              {appraisalOutcome.appraisedTotal}:{" "}
              {interpolate(appraisalOutcome.totalLine, {
                points: formatPoints(assessment.appraisal.appraisedTotal.points),
                max: formatPoints(assessment.appraisal.appraisedTotal.maxPoints),
                percent: assessment.appraisal.appraisedTotal.indexPercent ? formatPercent(assessment.appraisal.appraisedTotal.indexPercent, assessment.precision) : "—",
              })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{agencyHome.notStarted}</p>
      )}
      {lastYear ? (
        <p className="text-slate-700">
          {interpolate(selfAssessment.lastYear, {
            year: lastYear.year.year,
            percent: formatPercent(lastYear.indexPercent.toFixed(3), lastYear.year.precision === 3 ? 3 : 2),
            rank: lastYear.rank ?? "—",
            count: lastYear.rankedCount ?? "—",
          })}
        </p>
      ) : null}
      <Link href="/co-quan/tu-danh-gia" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {selfAssessment.openForm}
      </Link>
    </section>
  );
}

/** Whole days left until a moment, counted up (a deadline later today is 1 day away). Server-rendered per request. */
function daysUntil(moment: Date): number {
  return Math.ceil((moment.getTime() - new Date().getTime()) / DAY_MS);
}
