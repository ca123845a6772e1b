"use client";

import { useEffect, useMemo, useRef, useState } from "react";

import { saveCriteriaSetAction } from "@/app/(workspace)/quan-tri/bo-chi-so/actions";
import { checkCriteriaSet, type CriteriaSetProblem } from "@/lib/domain/criteria-set-check";
import {
  addNode,
  changeSection,
  childrenSum,
  criteriaFromDraft,
  domainsSum,
  draftFromCriteria,
  moveNode,
  moveNodeTo,
  moveTargets,
  pointsOrNaN,
  removeNode,
  renumber,
  thousandthsText,
  updateNode,
  type DraftNode,
  type FlatCriterion,
} from "@/lib/domain/criteria-set-draft";
import type { CriterionSection } from "@/lib/domain/criteria-tree";
import { emptyParamsFields } from "@/lib/domain/criterion-params-fields";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { CriterionFields, INPUT_CLASS } from "./criterion-fields";

const { adminCriteria, errors } = getMessages("vi");
const text = adminCriteria.editor;
const SECTIONS: readonly CriterionSection[] = ["MAIN", "BONUS", "PENALTY"];
const BUTTON = "rounded border border-slate-400 bg-white px-2 py-0.5 text-sm disabled:opacity-40";

export type CriteriaSetEditorProps = {
  criteriaSetId: string;
  /** ISO time of the set's last change: sent back with a save (optimistic locking). */
  updatedAt: string;
  title: string;
  /** Thousandths. */
  totalMaxPoints: number;
  criteria: FlatCriterion[];
  appraiserUnits: { id: string; name: string }[];
  maxBonusPoints: number;
  maxPenaltyPoints: number;
  isEditable: boolean;
};

type Message = { text: string; isError: boolean; issues: { path: string; message: string }[] };

/**
 * The criteria set tree editor. Every change is checked at once in the browser by the same
 * lib/domain functions the save service runs (criteria-set-check.ts): each parent shows the running
 * sum of its children against its maximum, and every problem is listed and links to its node. The
 * whole set is saved in one call.
 */
export function CriteriaSetEditor(props: CriteriaSetEditorProps) {
  const [loadedAt, setLoadedAt] = useState(props.updatedAt);
  const [roots, setRoots] = useState(() => draftFromCriteria(props.criteria));
  const [title, setTitle] = useState(props.title);
  const [total, setTotal] = useState(() => thousandthsText(props.totalMaxPoints));
  const [isDirty, setIsDirty] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const newKeys = useRef(0);
  /** The node to focus once it is rendered open (after a problem link or an addition). */
  const pendingFocus = useRef<string | null>(null);

  // A save or an import elsewhere on the page reloads the set: start again from what is stored.
  if (props.updatedAt !== loadedAt) {
    setLoadedAt(props.updatedAt);
    setRoots(draftFromCriteria(props.criteria));
    setTitle(props.title);
    setTotal(thousandthsText(props.totalMaxPoints));
    setIsDirty(false);
  }

  const flat = useMemo(() => criteriaFromDraft(roots), [roots]);
  const problems = useMemo(() => {
    const checked = checkCriteriaSet({ criteria: flat, totalMaxPoints: pointsOrNaN(total), maxBonusPoints: props.maxBonusPoints, maxPenaltyPoints: props.maxPenaltyPoints });
    return checked.ok ? [] : checked.problems;
  }, [flat, total, props.maxBonusPoints, props.maxPenaltyPoints]);
  const keyByCode = useMemo(() => {
    const keys = new Map<string, string>();
    for (const criterion of flat) if (!keys.has(criterion.code)) keys.set(criterion.code, criterion.key);
    return keys;
  }, [flat]);
  const problemsByKey = useMemo(() => {
    const byKey = new Map<string, CriteriaSetProblem[]>();
    for (const problem of problems) {
      const key = problem.criterionCode === null ? null : keyByCode.get(problem.criterionCode);
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), problem]);
    }
    return byKey;
  }, [problems, keyByCode]);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(`criterion-${pendingFocus.current}`)?.focus();
    pendingFocus.current = null;
  });

  const change = (next: DraftNode[]) => {
    setRoots(next);
    setIsDirty(true);
    setMessage(null);
  };
  const toggle = (key: string) => setExpanded((current) => (current.has(key) ? new Set([...current].filter((item) => item !== key)) : new Set([...current, key])));
  const open = (key: string) => {
    pendingFocus.current = key;
    setExpanded((current) => new Set([...current, key]));
  };
  const add = (parentKey: string | null, section: CriterionSection) => {
    newKeys.current += 1;
    const key = `new-${newKeys.current}`;
    change(
      addNode(roots, parentKey, section, key, {
        title: text.newTitle,
        guidance: "",
        maxPoints: "1",
        method: section === "PENALTY" ? "DEDUCTION" : "BOOLEAN",
        fields: emptyParamsFields(),
        isEvidenceRequired: false,
        appraiserUnitId: null,
      }),
    );
    open(key);
  };

  async function save() {
    setIsSaving(true);
    setMessage(null);
    const result = await saveCriteriaSetAction({
      criteriaSetId: props.criteriaSetId,
      expectedUpdatedAt: loadedAt,
      title,
      totalMaxPoints: pointsOrNaN(total) / 1000,
      criteria: flat.map((criterion) => {
        const method = criterion.method as { method: string; params: Record<string, unknown> } | null;
        return {
          id: criterion.id,
          code: criterion.code,
          parentCode: criterion.parentCode,
          title: criterion.title,
          guidance: criterion.guidance,
          section: criterion.section,
          maxPoints: criterion.maxPoints / 1000,
          method: method?.method ?? null,
          params: method?.params ?? null,
          isEvidenceRequired: criterion.isEvidenceRequired,
          appraiserUnitId: criterion.appraiserUnitId,
        };
      }),
    }).catch(() => null);
    setIsSaving(false);
    if (result === null) return setMessage({ text: errors.retry, isError: true, issues: [] });
    if (!result.ok) return setMessage({ text: result.message, isError: true, issues: result.issues ?? [] });
    setIsDirty(false);
    setMessage({ text: interpolate(text.saved, { added: result.value.added, removed: result.value.removed, changed: result.value.changed }), isError: false, issues: [] });
  }

  const sum = domainsSum(roots);
  const totalPoints = pointsOrNaN(total);
  const { isEditable } = props;

  return (
    <div className="space-y-4">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_12rem]">
        <div>
          <label htmlFor="criteria-set-title" className="text-sm font-medium">{text.titleLabel}</label>
          <input id="criteria-set-title" className={INPUT_CLASS} value={title} disabled={!isEditable} onChange={(event) => (setTitle(event.target.value), setIsDirty(true))} />
        </div>
        <div>
          <label htmlFor="criteria-set-total" className="text-sm font-medium">{text.totalLabel}</label>
          <input id="criteria-set-total" className={INPUT_CLASS} inputMode="decimal" value={total} disabled={!isEditable} onChange={(event) => (setTotal(event.target.value), setIsDirty(true))} aria-describedby="criteria-set-sum" />
          <p id="criteria-set-sum" className={`mt-1 text-sm ${sum === totalPoints ? "text-slate-700" : "font-semibold text-red-800"}`}>
            {interpolate(text.domainsSum, { sum: Number.isNaN(sum) ? "?" : thousandthsText(sum), max: Number.isNaN(totalPoints) ? "?" : thousandthsText(totalPoints) })}
          </p>
        </div>
      </div>

      <section aria-labelledby="criteria-problems-title" className={`rounded-lg border p-4 ${problems.length > 0 ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}>
        <h2 id="criteria-problems-title" className="font-semibold">
          {problems.length > 0 ? interpolate(text.problemsTitle, { n: problems.length }) : text.noProblems}
        </h2>
        {problems.length > 0 ? (
          <ul className="mt-1 max-h-60 list-disc overflow-y-auto pl-6 text-sm">
            {problems.map((problem, index) => {
              const key = problem.criterionCode === null ? undefined : keyByCode.get(problem.criterionCode);
              return (
                <li key={`${index}-${problem.message}`}>
                  {key ? (
                    <a
                      href={`#criterion-${key}`}
                      className="text-red-900 underline"
                      onClick={(event) => {
                        event.preventDefault();
                        open(key);
                      }}
                    >
                      {problem.message}
                    </a>
                  ) : (
                    problem.message
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      {isEditable ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white/95 p-3 shadow-sm">
          <button type="button" onClick={() => void save()} disabled={isSaving || problems.length > 0 || !isDirty} aria-busy={isSaving} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-50">
            {isSaving ? text.saving : text.save}
          </button>
          <button type="button" className={BUTTON} onClick={() => change(renumber(roots))}>{text.renumber}</button>
          {isDirty ? <span className="text-sm text-amber-800">{text.unsaved}</span> : null}
          {message ? (
            <div role={message.isError ? "alert" : "status"} className={`w-full text-sm ${message.isError ? "text-red-800" : "text-green-800"}`}>
              <p>{message.text}</p>
              {message.issues.length > 0 ? (
                <ul className="list-disc pl-6">
                  {message.issues.map((issue) => (
                    <li key={`${issue.path}-${issue.message}`}>{issue.path ? `${issue.path}: ` : ""}{issue.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : (
        <p className="font-medium text-slate-800">{text.readOnly}</p>
      )}

      <div aria-label={text.treeLabel} role="group" className="space-y-6">
        {SECTIONS.map((section) => {
          const sectionRoots = roots.filter((root) => root.section === section);
          return (
            <section key={section} aria-labelledby={`section-${section}`} className="space-y-2">
              <h2 id={`section-${section}`} className="text-lg font-semibold text-brand-800">{text.sectionHeadings[section]}</h2>
              {sectionRoots.length === 0 ? <p className="text-sm text-slate-700">{text.empty}</p> : null}
              <ul className="space-y-1">
                {sectionRoots.map((node, index) => (
                  <NodeItem
                    key={node.key}
                    node={node}
                    depth={0}
                    isFirst={index === 0}
                    isLast={index === sectionRoots.length - 1}
                    context={{ roots, expanded, problemsByKey, appraiserUnits: props.appraiserUnits, isEditable, change, toggle, add }}
                  />
                ))}
              </ul>
              {isEditable ? (
                <button type="button" className={BUTTON} onClick={() => add(null, section)}>
                  + {text.addRoot[section]}
                </button>
              ) : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}

type NodeContext = {
  roots: DraftNode[];
  expanded: ReadonlySet<string>;
  problemsByKey: ReadonlyMap<string, CriteriaSetProblem[]>;
  appraiserUnits: readonly { id: string; name: string }[];
  isEditable: boolean;
  change: (next: DraftNode[]) => void;
  toggle: (key: string) => void;
  add: (parentKey: string | null, section: CriterionSection) => void;
};

function NodeItem({ node, depth, isFirst, isLast, context }: { node: DraftNode; depth: number; isFirst: boolean; isLast: boolean; context: NodeContext }) {
  const { roots, expanded, problemsByKey, isEditable, change, toggle, add } = context;
  const isOpen = expanded.has(node.key);
  const problems = problemsByKey.get(node.key) ?? [];
  const running = childrenSum(node);
  const isLeaf = node.children.length === 0;
  const label = `${node.code} ${node.title}`;
  const headingId = `criterion-${node.key}`;

  return (
    <li className={depth > 0 ? "border-l-2 border-slate-200 pl-3" : ""}>
      <div className={`flex flex-wrap items-center gap-2 rounded px-2 py-1 ${problems.length > 0 ? "bg-red-50" : depth === 0 ? "bg-slate-100" : ""}`}>
        <span id={headingId} tabIndex={-1} className={`flex-1 focus-visible:outline-2 ${isLeaf ? "" : "font-semibold"}`}>
          <span className="font-mono">{node.code}</span> {node.title}
          <span className="ml-2 whitespace-nowrap text-sm text-slate-700">
            {node.maxPoints || "?"} {adminCriteria.template.columns.maxPoints.toLocaleLowerCase("vi")}
            {isLeaf && node.method ? ` · ${adminCriteria.methods[node.method]}` : ""}
          </span>
          {running ? (
            <span className={`ml-2 whitespace-nowrap rounded px-1 text-sm ${running.sum === running.max ? "bg-green-100 text-green-900" : "bg-red-100 font-semibold text-red-900"}`}>
              {interpolate(text.childrenSum, { sum: thousandthsText(running.sum), max: thousandthsText(running.max) })}
            </span>
          ) : null}
          {problems.length > 0 ? <span className="ml-2 whitespace-nowrap text-sm font-semibold text-red-800">{interpolate(text.nodeProblems, { n: problems.length })}</span> : null}
        </span>
        <span className="flex flex-wrap gap-1">
          <button type="button" className={BUTTON} aria-expanded={isOpen} aria-controls={`${node.key}-fields`} onClick={() => toggle(node.key)}>
            {isOpen ? text.close : isEditable ? text.edit : "…"}
            <span className="sr-only"> {label}</span>
          </button>
          {isEditable ? (
            <>
              <button type="button" className={BUTTON} disabled={isFirst} onClick={() => change(moveNode(roots, node.key, -1))}>
                ↑ {text.moveUp}
                <span className="sr-only"> {label}</span>
              </button>
              <button type="button" className={BUTTON} disabled={isLast} onClick={() => change(moveNode(roots, node.key, 1))}>
                ↓ {text.moveDown}
                <span className="sr-only"> {label}</span>
              </button>
              {node.section === "MAIN" ? (
                <button type="button" className={BUTTON} onClick={() => add(node.key, "MAIN")}>
                  + {text.addChild}
                  <span className="sr-only"> {label}</span>
                </button>
              ) : null}
              <button
                type="button"
                className={`${BUTTON} border-red-700 text-red-800`}
                onClick={() => {
                  if (window.confirm(interpolate(text.removeConfirm, { code: node.code }))) change(removeNode(roots, node.key));
                }}
              >
                {text.remove}
                <span className="sr-only"> {label}</span>
              </button>
            </>
          ) : null}
        </span>
      </div>
      {isOpen ? (
        <div id={`${node.key}-fields`}>
          <CriterionFields
            node={node}
            problems={problems}
            appraiserUnits={context.appraiserUnits}
            isEditable={isEditable}
            moveTargets={moveTargets(roots, node.key)}
            onChange={(patch) => change(updateNode(roots, node.key, patch))}
            onMoveTo={(parentKey) => change(moveNodeTo(roots, node.key, parentKey))}
            onChangeSection={depth === 0 && isLeaf ? (section) => change(changeSection(roots, node.key, section)) : null}
          />
        </div>
      ) : null}
      {node.children.length > 0 ? (
        <ul className="mt-1 space-y-1 pl-4">
          {node.children.map((child, index) => (
            <NodeItem key={child.key} node={child} depth={depth + 1} isFirst={index === 0} isLast={index === node.children.length - 1} context={context} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
