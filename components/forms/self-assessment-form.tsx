"use client";

import { useMemo, useRef, useState, type ReactNode } from "react";

import { saveSelfScoreAction } from "@/app/(workspace)/co-quan/tu-danh-gia/actions";
import { CriterionAppraisalView } from "@/components/forms/appraisal-outcome";
import { EvidenceList, type EvidenceItem } from "@/components/forms/evidence-list";
import { describeInput, fieldsFromInput, inputFromFields, MethodInput, type MethodFields } from "@/components/forms/method-input";
import { computeAssessmentTotals, type LeafScore } from "@/lib/domain/assessment-totals";
import { buildCriteriaTree, type CriterionNode } from "@/lib/domain/criteria-tree";
import type { TCriterionMethod } from "@/lib/domain/criterion-params";
import { scoreInput } from "@/lib/domain/scoring-methods";
import { formatPercent, formatPointsFromThousandths, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { SelfAssessmentForm, SelfAssessmentFormCriterion } from "@/lib/services/get-self-assessment-form";

const { selfAssessment: text } = getMessages("vi");
const AUTOSAVE_DELAY_MS = 800;

/** What the editor typed, as text, so half-typed numbers are kept exactly as typed. */
type Draft = { fields: MethodFields; note: string; explanation: string };
type SaveState =
  | { kind: "idle" | "saving" | "saved" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; name: string; value: string; theirVersion: number; theirInput: unknown; theirNote: string; theirExplanation: string };
type Entry = { draft: Draft; scoreVersion: number; save: SaveState; evidence: EvidenceItem[]; isToReview: boolean };

function draftFromInput(method: TCriterionMethod | null, input: unknown, note: string | null, explanation: string | null): Draft {
  return { fields: fieldsFromInput(method, input), note: note ?? "", explanation: explanation ?? "" };
}

export function SelfAssessmentFormView({ form, isEditable }: { form: SelfAssessmentForm; isEditable: boolean }) {
  const tree = useMemo(() => {
    const built = buildCriteriaTree({ criteria: form.criteria, maxBonusPoints: form.maxBonusPoints, maxPenaltyPoints: form.maxPenaltyPoints });
    if (!built.ok) throw new Error(built.problems.map((problem) => problem.message).join(" "));
    return built.tree;
  }, [form]);
  const criteriaByCode = useMemo(() => new Map(form.criteria.map((criterion) => [criterion.code, criterion])), [form]);

  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      form.criteria.map((criterion) => {
        const score = form.scores.find((candidate) => candidate.criterionId === criterion.id);
        return [
          criterion.id,
          {
            draft: draftFromInput(criterion.method as TCriterionMethod | null, score?.input ?? null, score?.note ?? null, score?.explanation ?? null),
            scoreVersion: score?.scoreVersion ?? 0,
            save: { kind: "idle" },
            evidence: score?.evidence ?? [],
            isToReview: score?.isToReview ?? false,
          } satisfies Entry,
        ];
      }),
    ),
  );
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  // The version each criterion's last successful save returned, and the save in flight: an autosave
  // waits for the one before it and sends the version that one got back, so an editor typing on
  // while a save is under way is never told of a conflict with themselves.
  const savedVersions = useRef(new Map<string, number>());
  const inFlight = useRef(new Map<string, Promise<unknown>>());

  // Live points of every answered criterion, by the same engine the server uses.
  const outcomes = useMemo(() => {
    const byId = new Map<string, ReturnType<typeof scoreInput> | null>();
    for (const criterion of form.criteria) {
      const entry = entries[criterion.id];
      const method = criterion.method as TCriterionMethod | null;
      if (!entry || !method || method.method === "SURVEY") continue;
      const input = inputFromFields(method, entry.draft.fields);
      byId.set(criterion.id, input === null ? null : scoreInput({ ...method, maxPoints: criterion.maxPoints }, input));
    }
    return byId;
  }, [entries, form.criteria]);

  const totals = useMemo(() => {
    const scores = new Map<string, LeafScore>();
    for (const criterion of form.criteria) {
      const outcome = outcomes.get(criterion.id);
      if (outcome?.ok) scores.set(criterion.code, { self: outcome });
    }
    return computeAssessmentTotals(tree, scores, { isFinalized: false, isSurveyIncluded: form.isSurveyIncluded, precision: form.precision }).self;
  }, [outcomes, tree, form]);

  function save(criterion: SelfAssessmentFormCriterion, entry: Entry, explicitVersion?: number): Promise<void> {
    const previous = inFlight.current.get(criterion.id) ?? Promise.resolve();
    const next = previous.then(() => sendSave(criterion, entry, explicitVersion ?? savedVersions.current.get(criterion.id) ?? entry.scoreVersion));
    inFlight.current.set(criterion.id, next);
    return next;
  }

  async function sendSave(criterion: SelfAssessmentFormCriterion, entry: Entry, scoreVersion: number) {
    const input = inputFromFields(criterion.method as TCriterionMethod | null, entry.draft.fields);
    setEntries((all) => ({ ...all, [criterion.id]: { ...all[criterion.id]!, save: { kind: "saving" } } }));
    let result: Awaited<ReturnType<typeof saveSelfScoreAction>>;
    try {
      result = await saveSelfScoreAction({
        assessmentId: form.id,
        criterionId: criterion.id,
        scoreVersion,
        input,
        note: entry.draft.note || null,
        explanation: entry.draft.explanation || null,
      });
    } catch {
      setEntries((all) => ({ ...all, [criterion.id]: { ...all[criterion.id]!, save: { kind: "failed", message: getMessages("vi").errors.retry } } }));
      return;
    }
    if (result.ok) savedVersions.current.set(criterion.id, result.value.scoreVersion);
    setEntries((all) => {
      const current = all[criterion.id]!;
      if (result.ok) return { ...all, [criterion.id]: { ...current, scoreVersion: result.value.scoreVersion, save: { kind: "saved" }, isToReview: false } };
      if (result.code === "STALE_VERSION") {
        const theirs = (result.current ?? {}) as { input?: unknown; note?: string | null; explanation?: string | null; scoreVersion?: number; updatedBy?: string | null };
        return {
          ...all,
          [criterion.id]: {
            ...current,
            save: {
              kind: "conflict",
              name: theirs.updatedBy ?? text.someone,
              value: describeInput(criterion.method as TCriterionMethod | null, theirs.input),
              theirVersion: theirs.scoreVersion ?? 0,
              theirInput: theirs.input ?? null,
              theirNote: theirs.note ?? "",
              theirExplanation: theirs.explanation ?? "",
            },
          },
        };
      }
      const detail = result.issues?.map((issue) => issue.message).join(" ") || result.message;
      return { ...all, [criterion.id]: { ...current, save: { kind: "failed", message: detail } } };
    });
  }

  function change(criterion: SelfAssessmentFormCriterion, update: (draft: Draft) => Draft) {
    setEntries((all) => {
      const current = all[criterion.id]!;
      const next = { ...current, draft: update(current.draft), save: current.save.kind === "conflict" ? current.save : ({ kind: "idle" } as const) };
      const existing = timers.current.get(criterion.id);
      if (existing) clearTimeout(existing);
      // A conflict waits for the editor's choice; anything else saves shortly after typing stops.
      if (next.save.kind !== "conflict") {
        timers.current.set(
          criterion.id,
          setTimeout(() => void save(criterion, next), AUTOSAVE_DELAY_MS),
        );
      }
      return { ...all, [criterion.id]: next };
    });
  }

  function resolveConflict(criterion: SelfAssessmentFormCriterion, choice: "mine" | "theirs") {
    const entry = entries[criterion.id]!;
    if (entry.save.kind !== "conflict") return;
    if (choice === "mine") {
      void save(criterion, entry, entry.save.theirVersion);
      return;
    }
    const draft = draftFromInput(criterion.method as TCriterionMethod | null, entry.save.theirInput, entry.save.theirNote, entry.save.theirExplanation);
    savedVersions.current.set(criterion.id, entry.save.theirVersion);
    setEntries((all) => ({ ...all, [criterion.id]: { ...entry, draft, scoreVersion: entry.save.kind === "conflict" ? entry.save.theirVersion : entry.scoreVersion, save: { kind: "saved" } } }));
  }

  const scoresById = useMemo(() => new Map(form.scores.map((score) => [score.criterionId, score])), [form.scores]);
  const appraisalOf = (criterionId: string) => {
    const score = scoresById.get(criterionId);
    if (!score?.appraisal) return null;
    return (
      <CriterionAppraisalView
        assessmentId={form.id}
        criterionId={criterionId}
        selfPoints={score.points}
        scoreVersion={score.scoreVersion}
        appraisal={score.appraisal}
        isExplainable={form.appraisal?.isExplainable ?? false}
      />
    );
  };

  const sections: { title: string; nodes: CriterionNode[] }[] = [
    ...tree.domains.map((domain) => ({ title: `${domain.code}. ${domain.title}`, nodes: [domain] })),
    { title: text.bonusSection, nodes: tree.bonusItems },
    { title: text.penaltySection, nodes: tree.penaltyItems },
  ].filter((section) => section.nodes.length > 0);

  return (
    <div className="space-y-4">
      <p className="sticky top-0 z-10 rounded-lg border border-brand-700 bg-white p-3 font-semibold shadow" aria-live="polite">
        {interpolate(text.total, {
          points: formatPointsFromThousandths(totals.totalPoints),
          max: formatPointsFromThousandths(totals.maxPoints),
          percent: totals.indexPercent ? formatPercent(totals.indexPercent.text, form.precision) : "—",
        })}
      </p>
      {!isEditable ? <p className="rounded bg-slate-100 p-3">{text.readOnly}</p> : null}
      {sections.map((section, index) => {
        const domainTotal = index < tree.domains.length ? totals.domains[index] : null;
        return (
          <details key={section.title} open={index === 0} className="rounded-lg border border-slate-200 bg-white">
            <summary className="cursor-pointer px-4 py-3">
              {/* A heading inside the summary (the HTML spec allows it) keeps h1 → domain h2 → criterion h3. */}
              <h2 className="inline text-lg font-semibold">{section.title}</h2>
              {domainTotal ? (
                <span className="ml-2 text-base font-normal text-slate-600">
                  ({interpolate(text.domainTotal, { points: formatPointsFromThousandths(domainTotal.points), max: formatPointsFromThousandths(domainTotal.maxPoints) })})
                </span>
              ) : null}
            </summary>
            <div className="divide-y divide-slate-100 px-4 pb-4">
              {section.nodes.flatMap((node) => flattenLeaves(node)).map((leaf) => {
                const criterion = criteriaByCode.get(leaf.code)!;
                return (
                  <CriterionField
                    key={criterion.id}
                    criterion={criterion}
                    entry={entries[criterion.id]!}
                    outcome={outcomes.get(criterion.id) ?? null}
                    isEditable={isEditable}
                    onChange={(update) => change(criterion, update)}
                    onResolve={(choice) => resolveConflict(criterion, choice)}
                    uploadUrl={`/api/assessments/${form.id}/criteria/${criterion.id}/evidence`}
                    onEvidenceChange={(evidence) => setEntries((all) => ({ ...all, [criterion.id]: { ...all[criterion.id]!, evidence } }))}
                    appraisal={appraisalOf(criterion.id)}
                  />
                );
              })}
            </div>
          </details>
        );
      })}
    </div>
  );
}

function flattenLeaves(node: CriterionNode): CriterionNode[] {
  return node.children.length === 0 ? [node] : node.children.flatMap(flattenLeaves);
}

type FieldProps = {
  criterion: SelfAssessmentFormCriterion;
  entry: Entry;
  outcome: ReturnType<typeof scoreInput> | null;
  isEditable: boolean;
  onChange: (update: (draft: Draft) => Draft) => void;
  onResolve: (choice: "mine" | "theirs") => void;
  uploadUrl: string;
  onEvidenceChange: (evidence: EvidenceItem[]) => void;
  /** The appraisal of the criterion, once the agency may see it. */
  appraisal: ReactNode;
};

function CriterionField({ criterion, entry, outcome, isEditable, onChange, onResolve, uploadUrl, onEvidenceChange, appraisal }: FieldProps) {
  const method = criterion.method as TCriterionMethod | null;
  const id = `criterion-${criterion.code}`;
  const setField = (key: string, value: string) => onChange((draft) => ({ ...draft, fields: { ...draft.fields, [key]: value } }));
  const needsExplanation = criterion.isEvidenceRequired && entry.evidence.length === 0;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-2 py-4">
      <h3 id={`${id}-title`} className="font-medium">
        <span className="mr-2 font-mono text-slate-600">{criterion.code}</span>
        {criterion.title}
        <span className="ml-2 text-sm font-normal text-slate-600">{interpolate(text.maxPoints, { max: formatPointsFromThousandths(criterion.maxPoints) })}</span>
      </h3>
      {entry.isToReview ? <p className="text-sm text-amber-800">{text.toReview}</p> : null}
      {criterion.guidance ? (
        <details className="text-sm text-slate-700">
          <summary className="cursor-pointer">{text.guidance}</summary>
          <p className="mt-1">{criterion.guidance}</p>
        </details>
      ) : null}
      {method?.method === "SURVEY" ? (
        <p className="text-sm italic text-slate-600">{text.survey}</p>
      ) : (
        <div className="flex flex-wrap items-end gap-4">
          {method ? <MethodInput method={method} fields={entry.draft.fields} onChange={setField} isDisabled={!isEditable} idPrefix={id} legend={criterion.title} /> : null}
          <p className="text-sm" aria-live="polite">
            {outcome === null
              ? text.noPoints
              : outcome.ok
                ? outcome.isExcludedFromMaximum
                  ? text.excluded
                  : interpolate(text.points, { points: formatPointsFromThousandths(outcome.points) })
                : getMessages("vi").domain.scoringErrors[outcome.code]}
          </p>
        </div>
      )}
      {method?.method !== "SURVEY" ? (
        <div className="grid gap-2 md:grid-cols-2">
          <label className="flex flex-col text-sm">
            {text.note}
            <textarea value={entry.draft.note} onChange={(event) => onChange((draft) => ({ ...draft, note: event.target.value }))} disabled={!isEditable} rows={2} className="rounded border border-slate-300 px-2 py-1" />
          </label>
          {criterion.isEvidenceRequired ? (
            <label className="flex flex-col text-sm">
              {text.explanation}
              <textarea
                value={entry.draft.explanation}
                onChange={(event) => onChange((draft) => ({ ...draft, explanation: event.target.value }))}
                disabled={!isEditable}
                rows={2}
                aria-required={needsExplanation}
                className="rounded border border-slate-300 px-2 py-1"
              />
            </label>
          ) : null}
        </div>
      ) : null}
      {method?.method !== "SURVEY" ? (
        <div className="space-y-1">
          {criterion.isEvidenceRequired ? (
            <p className="text-sm text-slate-600">
              {text.evidenceRequired} · {interpolate(text.evidenceCount, { count: entry.evidence.length })}
            </p>
          ) : null}
          <EvidenceList uploadUrl={uploadUrl} items={entry.evidence} isEditable={isEditable} onChange={onEvidenceChange} />
        </div>
      ) : null}
      {appraisal}
      <SaveStatus state={entry.save} onResolve={onResolve} />
    </section>
  );
}

function SaveStatus({ state, onResolve }: { state: SaveState; onResolve: (choice: "mine" | "theirs") => void }) {
  if (state.kind === "failed") return <p role="alert" className="text-sm text-red-700">{interpolate(text.failed, { message: state.message })}</p>;
  if (state.kind !== "conflict") {
    if (state.kind === "idle") return null;
    return (
      <p role="status" className={`text-sm ${state.kind === "saved" ? "text-green-700" : "text-slate-600"}`}>
        {state.kind === "saved" ? text.saved : text.saving}
      </p>
    );
  }
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
      <p>{interpolate(text.conflict, { name: state.name, value: state.value })}</p>
      <div className="flex gap-2">
        <button type="button" onClick={() => onResolve("mine")} className="rounded bg-brand-700 px-3 py-1 text-white">
          {text.keepMine}
        </button>
        <button type="button" onClick={() => onResolve("theirs")} className="rounded border border-brand-700 px-3 py-1 text-brand-700">
          {text.takeTheirs}
        </button>
      </div>
    </div>
  );
}
