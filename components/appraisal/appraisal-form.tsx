"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";

import { acceptSelfScoresAction, appraiseScoreAction } from "@/app/(workspace)/tham-dinh/[assessmentId]/actions";
import { describeInput, fieldsFromInput, inputFromFields, MethodInput, type MethodFields } from "@/components/forms/method-input";
import { isReasonRequired } from "@/lib/domain/appraisal-view";
import { computeAssessmentTotals, type LeafPoints, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree, type CriterionNode } from "@/lib/domain/criteria-tree";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { formatThousandths } from "@/lib/domain/points";
import { storedLeafPoints } from "@/lib/domain/stored-points";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { formatPercent, formatPoints, formatPointsFromThousandths, formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AppraisalView, AppraisalViewCriterion, AppraisalViewScore } from "@/lib/services/get-appraisal-view";

const { appraisalForm: text, selfAssessment: formText, errors, domain } = getMessages("vi");

type SaveState = { kind: "idle" | "saving" | "saved" } | { kind: "failed"; message: string } | { kind: "conflict"; message: string; theirVersion: number };
type Entry = { fields: MethodFields; reason: string; scoreVersion: number; save: SaveState };

/** The appraisal of one assessment: the agency's side and the appraiser's, criterion by criterion. */
export function AppraisalForm({ view }: { view: AppraisalView }) {
  const router = useRouter();
  const round = view.round;
  const tree = useMemo(() => {
    const built = buildCriteriaTree({ criteria: view.criteria, maxBonusPoints: view.maxBonusPoints, maxPenaltyPoints: view.maxPenaltyPoints });
    if (!built.ok) throw new Error(built.problems.map((problem) => problem.message).join(" "));
    return built.tree;
  }, [view]);
  const criteriaByCode = useMemo(() => new Map(view.criteria.map((criterion) => [criterion.code, criterion])), [view]);
  const scoresById = useMemo(() => new Map(view.scores.map((score) => [score.criterionId, score])), [view]);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      view.criteria.map((criterion) => {
        const score = scoresById.get(criterion.id);
        const current = round === 2 ? (score?.round2.input ?? score?.round1.input) : score?.round1.input;
        const reason = round === 2 ? score?.round2.reason : score?.round1.reason;
        return [criterion.id, { fields: fieldsFromInput(criterion.method as TCriterionMethod | null, current ?? null), reason: reason ?? "", scoreVersion: score?.scoreVersion ?? 0, save: { kind: "idle" } } satisfies Entry];
      }),
    ),
  );
  // Points saved in this round since the page loaded, so the appraised total follows each save.
  const [savedNow, setSavedNow] = useState<Record<string, LeafPoints>>({});
  const totals = useMemo(() => {
    const leaves = new Map<string, LeafScore>();
    const leafOf = storedLeafPoints;
    for (const criterion of view.criteria) {
      const score = scoresById.get(criterion.id);
      if (!score) continue;
      const now = savedNow[criterion.id];
      leaves.set(criterion.code, {
        self: leafOf(criterion, score.selfInput, score.selfPoints),
        round1: round === 1 && now ? now : leafOf(criterion, score.round1.input, score.round1.points),
        round2: round === 2 && now ? now : leafOf(criterion, score.round2.input, score.round2.points),
      });
    }
    return computeAssessmentTotals(tree, leaves, { isFinalized: false, isSurveyIncluded: view.isSurveyIncluded, precision: view.precision });
  }, [view, tree, scoresById, savedNow, round]);
  const totalLine = (line: string, view: typeof totals.self) =>
    interpolate(line, {
      points: formatPointsFromThousandths(view.totalPoints),
      max: formatPointsFromThousandths(view.maxPoints),
      percent: view.indexPercent ? formatPercent(view.indexPercent.text, viewPrecision) : "—",
    });
  const viewPrecision = view.precision;
  const [bulkMessage, setBulkMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const hasAppraisable = view.criteria.some((criterion) => criterion.isAppraisable);

  const update = (criterionId: string, change: Partial<Entry>) => setEntries((all) => ({ ...all, [criterionId]: { ...all[criterionId]!, ...change } }));

  async function save(criterion: AppraisalViewCriterion, input: unknown, reason: string, scoreVersion: number) {
    update(criterion.id, { save: { kind: "saving" } });
    const result = await appraiseScoreAction({ assessmentId: view.id, criterionId: criterion.id, scoreVersion, input, reason: reason || null }).catch(() => null);
    if (result === null) return update(criterion.id, { save: { kind: "failed", message: errors.retry } });
    if (result.ok) {
      const saved = storedLeafPoints(criterion, input, result.value.points);
      if (saved) setSavedNow((all) => ({ ...all, [criterion.id]: saved }));
      return update(criterion.id, { scoreVersion: result.value.scoreVersion, save: { kind: "saved" } });
    }
    if (result.code === "STALE_VERSION") {
      const theirs = (result.current ?? {}) as { input?: unknown; points?: string | null; reason?: string | null; scoreVersion?: number; updatedBy?: string | null };
      const value = `${describeInput(criterion.method as TCriterionMethod | null, theirs.input ?? null)}${theirs.reason ? ` — ${theirs.reason}` : ""}`;
      return update(criterion.id, { save: { kind: "conflict", message: interpolate(text.conflict, { name: theirs.updatedBy ?? formText.someone, value }), theirVersion: theirs.scoreVersion ?? scoreVersion } });
    }
    update(criterion.id, { save: { kind: "failed", message: result.issues?.map((issue) => issue.message).join(" ") || result.message } });
  }

  async function accept(underCode?: string) {
    setBulkMessage(null);
    const result = await acceptSelfScoresAction({ assessmentId: view.id, underCode }).catch(() => null);
    if (result === null) return setBulkMessage({ text: errors.retry, isError: true });
    if (!result.ok) return setBulkMessage({ text: result.message, isError: true });
    setBulkMessage({ text: interpolate(text.accepted, { n: result.value.accepted.length, skipped: result.value.skipped }), isError: false });
    router.refresh();
  }

  const sections = [
    ...tree.domains.map((node) => ({ title: `${node.code}. ${node.title}`, code: node.code as string | undefined, nodes: [node] })),
    { title: formText.bonusSection, code: undefined, nodes: tree.bonusItems },
    { title: formText.penaltySection, code: undefined, nodes: tree.penaltyItems },
  ].filter((section) => section.nodes.length > 0);

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 space-y-1 rounded-lg border border-brand-700 bg-white p-3 font-semibold shadow" aria-live="polite">
        <p>{totalLine(text.selfTotal, totals.self)}</p>
        <p>{totalLine(text.appraisedTotal, totals.appraised)}</p>
      </div>
      {!hasAppraisable ? <p className="rounded bg-slate-100 p-3">{text.readOnly}</p> : null}
      {hasAppraisable ? (
        <div className="space-y-2">
          <button type="button" onClick={() => void accept()} className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700">
            {text.acceptAll}
          </button>
          <p role="status" aria-live="polite" className={bulkMessage?.isError ? "text-red-800" : "text-green-800"}>{bulkMessage?.text ?? ""}</p>
        </div>
      ) : null}
      {sections.map((section, index) => (
        <details key={section.title} open={index === 0} className="rounded-lg border border-slate-200 bg-white">
          <summary className="cursor-pointer px-4 py-3">
            <h2 className="inline text-lg font-semibold">{section.title}</h2>
          </summary>
          <div className="space-y-3 px-4 pb-4">
            {hasAppraisable && section.code ? (
              <button type="button" onClick={() => void accept(section.code)} className="rounded border border-brand-700 px-3 py-1 text-sm text-brand-700">
                {text.acceptDomain}
              </button>
            ) : null}
            <div className="divide-y divide-slate-200">
              {section.nodes.flatMap(leavesOf).map((leaf) => {
                const criterion = criteriaByCode.get(leaf.code)!;
                return (
                  <CriterionAppraisal
                    key={criterion.id}
                    criterion={criterion}
                    score={scoresById.get(criterion.id) ?? null}
                    entry={entries[criterion.id]!}
                    round={round}
                    onFields={(fields) => update(criterion.id, { fields, save: { kind: "idle" } })}
                    onReason={(reason) => update(criterion.id, { reason, save: { kind: "idle" } })}
                    onSave={(input, reason, version) => void save(criterion, input, reason, version)}
                  />
                );
              })}
            </div>
          </div>
        </details>
      ))}
    </div>
  );
}

function leavesOf(node: CriterionNode): CriterionNode[] {
  return node.children.length === 0 ? [node] : node.children.flatMap(leavesOf);
}

function when(name: string | null, at: Date | null): string {
  return name && at ? ` (${interpolate(text.by, { name, date: formatVietnamDate(new Date(at)) })})` : "";
}

function CriterionAppraisal(props: {
  criterion: AppraisalViewCriterion;
  score: AppraisalViewScore | null;
  entry: Entry;
  round: 1 | 2 | null;
  onFields: (fields: MethodFields) => void;
  onReason: (reason: string) => void;
  onSave: (input: unknown, reason: string, scoreVersion: number) => void;
}) {
  const { criterion, score, entry, round } = props;
  const method = criterion.method as TCriterionMethod | null;
  const id = `criterion-${criterion.code}`;
  const input = inputFromFields(method, entry.fields);
  const outcome = method && method.method !== "SURVEY" && input !== null ? scoreInput({ ...method, maxPoints: criterion.maxPoints }, input) : null;
  const points = outcome?.ok ? formatThousandths(outcome.points) : null;
  const needsReason = points !== null && round !== null && isReasonRequired({ round, points, selfPoints: score?.selfPoints ?? null, round1Points: score?.round1.points ?? null });
  const [previewId, setPreviewId] = useState<string | null>(null);

  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-2 py-4">
      <h3 id={`${id}-title`} className="font-medium">
        <span className="mr-2 font-mono text-slate-600">{criterion.code}</span>
        {criterion.title}
        <span className="ml-2 text-sm font-normal text-slate-600">{interpolate(formText.maxPoints, { max: formatPointsFromThousandths(criterion.maxPoints) })}</span>
      </h3>
      <p className="text-sm text-slate-700">{criterion.appraiserUnitName ? interpolate(text.unit, { unit: criterion.appraiserUnitName }) : text.noUnit}</p>
      {criterion.guidance ? (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{formText.guidance}</summary>
          <p className="mt-1">{criterion.guidance}</p>
        </details>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div className="space-y-1 rounded border border-slate-200 p-3 text-sm">
          <p className="font-semibold">{text.agencySide}</p>
          <p>
            {describeInput(method, score?.selfInput ?? null)} — {score?.selfPoints !== null && score?.selfPoints !== undefined ? interpolate(formText.points, { points: formatPoints(score.selfPoints) }) : formText.noPoints}
            {score ? when(score.selfBy, score.selfAt) : ""}
          </p>
          {score?.selfNote ? <p>{interpolate(text.note, { note: score.selfNote })}</p> : null}
          {score?.selfExplanation ? <p>{interpolate(text.selfExplanation, { text: score.selfExplanation })}</p> : null}
          {criterion.isEvidenceRequired || (score?.evidence.length ?? 0) > 0 ? (
            (score?.evidence.length ?? 0) === 0 ? (
              <p className="text-amber-900">{text.noEvidence}</p>
            ) : (
              <ul className="space-y-1">
                {score!.evidence.map((file) => {
                  const isImage = file.mimeType.startsWith("image/");
                  const isViewable = isImage || file.mimeType === "application/pdf";
                  return (
                    <li key={file.id}>
                      <span className="mr-2">{file.fileName}</span>
                      {isViewable ? (
                        <button type="button" onClick={() => setPreviewId(previewId === file.id ? null : file.id)} aria-expanded={previewId === file.id} className="mr-2 text-brand-700 underline">
                          {previewId === file.id ? text.hidePreview : text.preview}
                        </button>
                      ) : null}
                      <a href={`/api/evidence/${file.id}`} className="text-brand-700 underline">{text.download}</a>
                      {previewId === file.id ? (
                        isImage ? (
                          // Served by the checked download route; only PNG, JPEG, GIF or WebP reach here.
                          // eslint-disable-next-line @next/next/no-img-element
                          <img src={`/api/evidence/${file.id}?xem=1`} alt={file.fileName} className="mt-2 max-h-96 rounded border border-slate-300" />
                        ) : (
                          <iframe src={`/api/evidence/${file.id}?xem=1`} title={file.fileName} className="mt-2 h-[32rem] w-full rounded border border-slate-300" />
                        )
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )
          ) : null}
        </div>
        <div className="space-y-2 rounded border border-slate-200 p-3 text-sm">
          {score?.round1.points != null && round !== 1 ? (
            <div>
              <p>{interpolate(text.roundResult, { round: 1, points: formatPoints(score.round1.points) })}{when(score.round1.by, score.round1.at)}</p>
              {score.round1.reason ? <p>{text.reason}: {score.round1.reason}</p> : null}
              {score.explanation.text ? <p className="font-medium">{interpolate(text.agencyExplanation, { text: score.explanation.text })}{when(score.explanation.by, score.explanation.at)}</p> : null}
            </div>
          ) : null}
          {score?.finalPoints != null ? <p className="font-semibold">{interpolate(text.final, { points: formatPoints(score.finalPoints) })}</p> : null}
          {round !== null && method && method.method !== "SURVEY" ? (
            <fieldset disabled={!criterion.isAppraisable} className="space-y-2">
              <legend className="font-semibold">{interpolate(text.appraisalSide, { round })}</legend>
              <div className="flex flex-wrap items-end gap-3">
                <MethodInput method={method} fields={entry.fields} onChange={(key, value) => props.onFields({ ...entry.fields, [key]: value })} isDisabled={!criterion.isAppraisable} idPrefix={`${id}-appraisal`} legend={criterion.title} />
                <p aria-live="polite">{outcome === null ? formText.noPoints : outcome.ok ? interpolate(formText.points, { points: formatPointsFromThousandths(outcome.points) }) : domain.scoringErrors[outcome.code]}</p>
              </div>
              <label className="flex flex-col">
                {needsReason ? text.reasonRequired : text.reason}
                <textarea value={entry.reason} onChange={(event) => props.onReason(event.target.value)} rows={2} maxLength={2_000} aria-required={needsReason} className="rounded border border-slate-400 px-2 py-1" />
              </label>
              {criterion.isAppraisable ? (
                <div className="flex flex-wrap gap-2">
                  <button type="button" onClick={() => props.onSave(input, entry.reason, entry.scoreVersion)} disabled={entry.save.kind === "saving" || input === null} className="rounded bg-brand-700 px-3 py-1 font-semibold text-white disabled:opacity-60">
                    {text.save}
                  </button>
                  {score?.selfInput != null ? (
                    <button
                      type="button"
                      onClick={() => {
                        props.onFields(fieldsFromInput(method, score.selfInput));
                        props.onSave(score.selfInput, entry.reason, entry.scoreVersion);
                      }}
                      className="rounded border border-brand-700 px-3 py-1 text-brand-700"
                    >
                      {text.keepSelf}
                    </button>
                  ) : null}
                </div>
              ) : null}
            </fieldset>
          ) : null}
          <SaveLine state={entry.save} onKeepMine={() => entry.save.kind === "conflict" && props.onSave(input, entry.reason, entry.save.theirVersion)} />
        </div>
      </div>
    </section>
  );
}

function SaveLine({ state, onKeepMine }: { state: SaveState; onKeepMine: () => void }) {
  if (state.kind === "failed") return <p role="alert" className="text-red-800">{interpolate(formText.failed, { message: state.message })}</p>;
  if (state.kind !== "conflict") {
    if (state.kind === "idle") return null;
    return state.kind === "saving" ? <p role="status">{formText.saving}</p> : <p role="status" className="text-green-800">{text.saved}</p>;
  }
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-500 bg-amber-50 p-2">
      <p>{state.message}</p>
      <button type="button" onClick={onKeepMine} className="rounded bg-brand-700 px-3 py-1 text-white">{formText.keepMine}</button>
    </div>
  );
}
