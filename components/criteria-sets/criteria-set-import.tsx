"use client";

import { useRef, useState } from "react";

import { applyCriteriaSetImportAction, previewCriteriaSetImportAction } from "@/app/(workspace)/quan-tri/bo-chi-so/actions";
import { formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { CriteriaSetImportPreview } from "@/lib/services/import-criteria-set";

const { adminCriteria, errors } = getMessages("vi");
const text = adminCriteria.import;
/** As lib/services/import-criteria-set.ts MAX_IMPORT_BYTES: a larger file is refused before it is sent. */
const MAX_BYTES = 900 * 1024;

type State =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "preview"; preview: CriteriaSetImportPreview }
  | { kind: "done"; message: string }
  | { kind: "failed"; message: string; issues: { path: string; message: string }[] };

/**
 * Import a criteria set file: check it first (every problem with its row and column), then apply
 * it. The chosen file is kept here and sent again to apply, where the service checks it anew.
 */
export function CriteriaSetImport({ criteriaSetId }: { criteriaSetId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  // Read at preview, not only on change: a file chosen before the page finished loading fires its
  // change event before React listens.
  const fileInput = useRef<HTMLInputElement>(null);

  const formOf = (chosen: File) => {
    const form = new FormData();
    form.set("criteriaSetId", criteriaSetId);
    form.set("file", chosen);
    return form;
  };

  async function preview() {
    const chosen = fileInput.current?.files?.[0] ?? null;
    setFile(chosen);
    if (!chosen) return setState({ kind: "failed", message: text.chooseFile, issues: [] });
    if (chosen.size > MAX_BYTES) return setState({ kind: "failed", message: interpolate(text.fileTooLarge, { max: `${MAX_BYTES / 1024} KB` }), issues: [] });
    setState({ kind: "busy" });
    const result = await previewCriteriaSetImportAction(formOf(chosen)).catch(() => null);
    if (result === null) return setState({ kind: "failed", message: errors.retry, issues: [] });
    if (!result.ok) return setState({ kind: "failed", message: result.message, issues: result.issues ?? [] });
    setState({ kind: "preview", preview: result.value });
  }

  async function apply() {
    if (!file) return;
    setState({ kind: "busy" });
    const result = await applyCriteriaSetImportAction(formOf(file)).catch(() => null);
    if (result === null) return setState({ kind: "failed", message: errors.retry, issues: [] });
    if (!result.ok) return setState({ kind: "failed", message: result.message, issues: result.issues ?? [] });
    setState({ kind: "done", message: interpolate(text.applied, { added: result.value.added.length, removed: result.value.removed.length, changed: result.value.changed.length }) });
  }

  const isBusy = state.kind === "busy";
  return (
    <section aria-labelledby="criteria-import-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="criteria-import-title" className="text-lg font-semibold text-brand-800">{text.title}</h2>
      <p className="text-sm">{text.intro}</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void preview();
        }}
      >
        <div>
          <label htmlFor="criteria-import-file" className="block text-sm font-medium">{text.fileLabel}</label>
          <input
            id="criteria-import-file"
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv,.json,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1 text-sm"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setState({ kind: "idle" });
            }}
          />
        </div>
        <button type="submit" disabled={isBusy} aria-busy={isBusy} className="rounded border border-brand-700 px-3 py-1 font-medium text-brand-700 disabled:opacity-60">
          {isBusy ? text.previewing : text.preview}
        </button>
      </form>

      {state.kind === "failed" ? (
        <div role="alert" className="text-sm text-red-800">
          <p>{state.message}</p>
          {state.issues.length > 0 ? (
            <ul className="list-disc pl-6">
              {state.issues.map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>{issue.path ? `${issue.path}: ` : ""}{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.kind === "done" ? <p role="status" className="text-sm text-green-800">{state.message}</p> : null}
      {state.kind === "preview" ? <PreviewResult preview={state.preview} onApply={() => void apply()} /> : null}
    </section>
  );
}

function PreviewResult({ preview, onApply }: { preview: CriteriaSetImportPreview; onApply: () => void }) {
  if (preview.problems.length > 0 || !preview.changes) {
    return (
      <div role="alert" className="space-y-2">
        <p className="font-semibold text-red-800">{interpolate(text.problemsTitle, { n: preview.problems.length })}</p>
        <div className="max-h-96 overflow-auto rounded border border-red-200">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-red-50">
              <tr>
                <th scope="col" className="px-2 py-1">{text.problemRow}</th>
                <th scope="col" className="px-2 py-1">{text.problemColumn}</th>
                <th scope="col" className="px-2 py-1">{text.problemMessage}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((problem, index) => (
                <tr key={`${index}-${problem.message}`} className="border-t border-red-100 align-top">
                  <td className="px-2 py-1">{problem.row ?? "—"}</td>
                  <td className="px-2 py-1">{problem.column ?? "—"}</td>
                  <td className="px-2 py-1">{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }
  const { changes } = preview;
  return (
    <div role="status" className="space-y-2 text-sm">
      <p className="font-semibold text-green-800">{interpolate(text.valid, { format: preview.format, count: changes.criteriaCount, total: formatPoints(changes.totalMaxPoints) })}</p>
      <p>{interpolate(text.changes, { added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length })}</p>
      <button type="button" onClick={onApply} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        {text.apply}
      </button>
    </div>
  );
}
