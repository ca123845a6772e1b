"use client";

import type { CriteriaSetField, CriteriaSetProblem } from "@/lib/domain/criteria-set-check";
import type { DraftNode } from "@/lib/domain/criteria-set-draft";
import type { CriterionSection } from "@/lib/domain/criteria-tree";
import type { TScoringMethod } from "@/lib/domain/criterion-params";
import { SCORING_METHODS, type ParamsFields } from "@/lib/domain/criterion-params-fields";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminCriteria } = getMessages("vi");
const text = adminCriteria.editor;

export const INPUT_CLASS = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 disabled:bg-slate-100 aria-[invalid=true]:border-red-700";
const SMALL_BUTTON = "rounded border border-slate-400 px-2 py-0.5 text-sm disabled:opacity-50";

type Patch = Partial<Omit<DraftNode, "key" | "id" | "children" | "section">>;

/**
 * The fields of one node of the criteria tree, each problem shown under the field it concerns and
 * linked to it (aria-describedby). Parents show no method: they sum their children.
 */
export function CriterionFields({
  node,
  problems,
  appraiserUnits,
  isEditable,
  moveTargets,
  onChange,
  onMoveTo,
  onChangeSection,
}: {
  node: DraftNode;
  problems: readonly CriteriaSetProblem[];
  appraiserUnits: readonly { id: string; name: string }[];
  isEditable: boolean;
  /** Where the node may be moved (null key: a new domain); empty when it cannot move elsewhere. */
  moveTargets: readonly { key: string | null; code: string; title: string }[];
  onChange: (patch: Patch) => void;
  onMoveTo: (parentKey: string | null) => void;
  /** Only for a top-level node without children. */
  onChangeSection: ((section: CriterionSection) => void) | null;
}) {
  const id = (field: string) => `${node.key}-${field}`;
  const problemsOf = (field: CriteriaSetField) => problems.filter((problem) => problem.field === field);
  const errorProps = (field: CriteriaSetField) => {
    const found = problemsOf(field);
    return found.length > 0 ? { "aria-invalid": true as const, "aria-describedby": id(`${field}-error`) } : {};
  };
  const isLeaf = node.children.length === 0;

  return (
    <div className="mt-2 space-y-3 rounded border border-slate-200 bg-slate-50 p-3">
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_8rem]">
        <div>
          <label htmlFor={id("code")} className="text-sm font-medium">{text.fields.code}</label>
          <input id={id("code")} className={`${INPUT_CLASS} font-mono`} value={node.code} disabled={!isEditable} onChange={(event) => onChange({ code: event.target.value })} {...errorProps("code")} />
        </div>
        <div>
          <label htmlFor={id("title")} className="text-sm font-medium">{text.fields.title}</label>
          <input id={id("title")} className={INPUT_CLASS} value={node.title} required disabled={!isEditable} onChange={(event) => onChange({ title: event.target.value })} />
        </div>
        <div>
          <label htmlFor={id("maxPoints")} className="text-sm font-medium">{text.fields.maxPoints}</label>
          <input id={id("maxPoints")} className={INPUT_CLASS} inputMode="decimal" value={node.maxPoints} disabled={!isEditable} onChange={(event) => onChange({ maxPoints: event.target.value })} {...errorProps("maxPoints")} />
        </div>
      </div>
      <FieldProblems id={id("code-error")} problems={problemsOf("code")} />
      <FieldProblems id={id("maxPoints-error")} problems={problemsOf("maxPoints")} />

      <div>
        <label htmlFor={id("guidance")} className="text-sm font-medium">{text.fields.guidance}</label>
        <textarea id={id("guidance")} className={INPUT_CLASS} rows={2} value={node.guidance} disabled={!isEditable} onChange={(event) => onChange({ guidance: event.target.value })} />
      </div>

      {onChangeSection ? (
        <div className="max-w-xs">
          <label htmlFor={id("section")} className="text-sm font-medium">{adminCriteria.template.columns.section}</label>
          <select id={id("section")} className={INPUT_CLASS} value={node.section} disabled={!isEditable} onChange={(event) => onChangeSection(event.target.value as CriterionSection)}>
            {(["MAIN", "BONUS", "PENALTY"] as const).map((section) => (
              <option key={section} value={section}>{adminCriteria.sections[section]}</option>
            ))}
          </select>
        </div>
      ) : null}

      {isLeaf ? (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={id("method")} className="text-sm font-medium">{text.fields.method}</label>
              <select
                id={id("method")}
                className={INPUT_CLASS}
                value={node.method ?? ""}
                disabled={!isEditable}
                onChange={(event) => onChange({ method: (event.target.value || null) as TScoringMethod | null })}
                {...errorProps("method")}
              >
                <option value="">—</option>
                {SCORING_METHODS.map((method) => (
                  <option key={method} value={method}>{adminCriteria.methods[method]}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={id("appraiserUnit")} className="text-sm font-medium">{text.fields.appraiserUnit}</label>
              <select
                id={id("appraiserUnit")}
                className={INPUT_CLASS}
                value={node.appraiserUnitId ?? ""}
                disabled={!isEditable}
                onChange={(event) => onChange({ appraiserUnitId: event.target.value || null })}
                {...errorProps("appraiserUnit")}
              >
                <option value="">{text.fields.noUnit}</option>
                {appraiserUnits.map((unit) => (
                  <option key={unit.id} value={unit.id}>{unit.name}</option>
                ))}
              </select>
            </div>
          </div>
          <FieldProblems id={id("method-error")} problems={problemsOf("method")} />
          <FieldProblems id={id("appraiserUnit-error")} problems={problemsOf("appraiserUnit")} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={node.isEvidenceRequired} disabled={!isEditable} onChange={(event) => onChange({ isEvidenceRequired: event.target.checked })} />
            {text.fields.evidence}
          </label>
          {node.method ? (
            <MethodParamsFields
              idPrefix={node.key}
              method={node.method}
              fields={node.fields}
              isEditable={isEditable}
              invalid={problemsOf("params").length > 0 ? id("params-error") : null}
              onChange={(fields) => onChange({ fields })}
            />
          ) : null}
          <FieldProblems id={id("params-error")} problems={problemsOf("params")} />
        </>
      ) : (
        <p className="text-sm text-slate-700">{text.parentNote}</p>
      )}

      {isEditable && moveTargets.length > 0 ? <MoveTo nodeKey={node.key} code={node.code} targets={moveTargets} onMoveTo={onMoveTo} /> : null}
    </div>
  );
}

function FieldProblems({ id, problems }: { id: string; problems: readonly CriteriaSetProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="list-disc pl-6 text-sm text-red-800">
      {problems.map((problem) => (
        <li key={problem.message}>{problem.message}</li>
      ))}
    </ul>
  );
}

function MoveTo({ nodeKey, code, targets, onMoveTo }: { nodeKey: string; code: string; targets: readonly { key: string | null; code: string; title: string }[]; onMoveTo: (parentKey: string | null) => void }) {
  const selectId = `${nodeKey}-move`;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget).get("target");
        onMoveTo(value === "" || value === null ? null : String(value));
      }}
    >
      <div>
        <label htmlFor={selectId} className="text-sm font-medium">{interpolate(text.moveTo, { code })}</label>
        <select id={selectId} name="target" className={INPUT_CLASS} defaultValue={targets[0]?.key ?? ""}>
          {targets.map((target) => (
            <option key={target.key ?? "root"} value={target.key ?? ""}>
              {target.key === null ? text.moveToRoot : `${target.code} ${target.title}`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={SMALL_BUTTON}>{text.move}</button>
    </form>
  );
}

/** The form of one scoring method's parameters. */
function MethodParamsFields({
  idPrefix,
  method,
  fields,
  isEditable,
  invalid,
  onChange,
}: {
  idPrefix: string;
  method: TScoringMethod;
  fields: ParamsFields;
  isEditable: boolean;
  /** The id of the params problems when there are some. */
  invalid: string | null;
  onChange: (fields: ParamsFields) => void;
}) {
  const params = text.params;
  const id = (field: string) => `${idPrefix}-params-${field}`;
  const set = (patch: Partial<ParamsFields>) => onChange({ ...fields, ...patch });
  const describedBy = invalid ? { "aria-describedby": invalid } : {};
  const textField = (field: "step" | "numeratorLabel" | "denominatorLabel" | "countLabel" | "pointsPerOccurrence" | "survey", isNumber = false) => (
    <div>
      <label htmlFor={id(field)} className="text-sm font-medium">{params[field]}</label>
      <input id={id(field)} className={INPUT_CLASS} inputMode={isNumber ? "decimal" : undefined} value={fields[field]} disabled={!isEditable} onChange={(event) => set({ [field]: event.target.value })} {...describedBy} />
    </div>
  );
  const noData = (
    <div>
      <label htmlFor={id("whenNoData")} className="text-sm font-medium">{params.whenNoData}</label>
      <select id={id("whenNoData")} className={INPUT_CLASS} value={fields.whenNoData} disabled={!isEditable} onChange={(event) => set({ whenNoData: event.target.value as ParamsFields["whenNoData"] })}>
        {(["FULL_POINTS", "EXCLUDED_FROM_MAXIMUM"] as const).map((rule) => (
          <option key={rule} value={rule}>{adminCriteria.noDataRules[rule]}</option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset className="space-y-2 rounded border border-slate-300 p-2" {...describedBy}>
      <legend className="px-1 text-sm font-semibold">{params.legend}</legend>
      {method === "BOOLEAN" ? <p className="text-sm">{params.none}</p> : null}
      {method === "MANUAL" ? <div className="max-w-xs">{textField("step", true)}</div> : null}
      {method === "SURVEY" ? textField("survey") : null}
      {method === "DEDUCTION" ? (
        <div className="grid gap-2 sm:grid-cols-[1fr_10rem]">
          {textField("countLabel")}
          {textField("pointsPerOccurrence", true)}
        </div>
      ) : null}
      {method === "TIERED_RATE" || method === "PROPORTIONAL_RATE" ? (
        <div className="grid gap-2 sm:grid-cols-3">
          {textField("numeratorLabel")}
          {textField("denominatorLabel")}
          {noData}
        </div>
      ) : null}
      {method === "TIERED_COUNT" ? textField("countLabel") : null}
      {method === "CATEGORICAL" ? (
        <Rows
          title={params.options}
          rows={fields.options}
          isEditable={isEditable}
          empty={{ label: "", points: "" }}
          onChange={(options) => set({ options })}
          columns={[
            { key: "label", label: (n) => interpolate(params.optionLabel, { n }), isNumber: false },
            { key: "points", label: (n) => interpolate(params.optionPoints, { n }), isNumber: true },
          ]}
          idPrefix={id("options")}
        />
      ) : null}
      {method === "TIERED_RATE" ? (
        <Rows
          title={params.tiers}
          rows={fields.rateTiers}
          isEditable={isEditable}
          empty={{ minPercent: "", points: "" }}
          onChange={(rateTiers) => set({ rateTiers })}
          columns={[
            { key: "minPercent", label: (n) => interpolate(params.minPercent, { n }), isNumber: true },
            { key: "points", label: (n) => interpolate(params.tierPoints, { n }), isNumber: true },
          ]}
          idPrefix={id("rateTiers")}
        />
      ) : null}
      {method === "TIERED_COUNT" ? (
        <Rows
          title={params.tiers}
          rows={fields.countTiers}
          isEditable={isEditable}
          empty={{ minCount: "", points: "" }}
          onChange={(countTiers) => set({ countTiers })}
          columns={[
            { key: "minCount", label: (n) => interpolate(params.minCount, { n }), isNumber: true },
            { key: "points", label: (n) => interpolate(params.tierPoints, { n }), isNumber: true },
          ]}
          idPrefix={id("countTiers")}
        />
      ) : null}
    </fieldset>
  );
}

/** Editable rows of two text fields (options, tiers), each labelled with its row number. */
function Rows<Row extends Record<string, string>>({
  title,
  rows,
  columns,
  empty,
  isEditable,
  idPrefix,
  onChange,
}: {
  title: string;
  rows: readonly Row[];
  columns: readonly { key: keyof Row & string; label: (n: number) => string; isNumber: boolean }[];
  empty: Row;
  isEditable: boolean;
  idPrefix: string;
  onChange: (rows: Row[]) => void;
}) {
  const params = text.params;
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium">{title}</p>
      <ol className="space-y-1">
        {rows.map((row, index) => (
          <li key={index} className="flex flex-wrap items-end gap-2">
            {columns.map((column) => (
              <div key={column.key} className={column.isNumber ? "w-36" : "min-w-48 flex-1"}>
                <label htmlFor={`${idPrefix}-${index}-${column.key}`} className="text-xs">{column.label(index + 1)}</label>
                <input
                  id={`${idPrefix}-${index}-${column.key}`}
                  className={INPUT_CLASS}
                  inputMode={column.isNumber ? "decimal" : undefined}
                  value={row[column.key]}
                  disabled={!isEditable}
                  onChange={(event) => onChange(rows.map((candidate, position) => (position === index ? { ...candidate, [column.key]: event.target.value } : candidate)))}
                />
              </div>
            ))}
            {isEditable ? (
              <button type="button" className={SMALL_BUTTON} onClick={() => onChange(rows.filter((_, position) => position !== index))}>
                {interpolate(params.removeRow, { n: index + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {isEditable ? (
        <button type="button" className={SMALL_BUTTON} onClick={() => onChange([...rows, { ...empty }])}>
          {params.add}
        </button>
      ) : null}
    </div>
  );
}
