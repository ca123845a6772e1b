"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { formatDate, formatPercent, formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { HistoryImportApplied } from "@/lib/services/apply-history-import";
import type { HistoryImportPreview, HistoryPreviewRow } from "@/lib/services/preview-history-import";

import { ImportRowErrors } from "./import-row-errors";
import { ImportPreviewSubmit, MessageBox, type ImportMessage } from "./import-upload-status";
import { postWithProgress } from "./post-with-progress";

const {
  adminImports: { history: text, upload },
} = getMessages("vi");
const URL_PATH = "/api/admin/history-import";

/**
 * A past announcement: the form (year, number, date, precision, bands), the file, the recomputed
 * figures beside the published ones, then confirmation. Any change to the form drops the preview,
 * so what is confirmed is what was shown; the server checks that too (the preview token).
 */
export function HistoryImportForm({ unitTypes, maxYear }: { unitTypes: { id: string; name: string; defaultBands: string }[]; maxYear: number }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [isApplying, setIsApplying] = useState(false);
  const [preview, setPreview] = useState<HistoryImportPreview | null>(null);
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  function reset() {
    setPreview(null);
    setMessage(null);
    setFieldErrors({});
  }

  function formData(intent: "preview" | "apply"): FormData | null {
    const form = formRef.current;
    if (!form) return null;
    const data = new FormData(form);
    const file = data.get("file");
    // A file input left empty still sends an unnamed, empty file.
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) return null;
    data.set("intent", intent);
    if (intent === "apply" && preview) data.set("previewToken", preview.previewToken);
    return data;
  }

  function showRefusal(answer: { message: string; issues?: { path: string; message: string }[] }) {
    const byField: Record<string, string[]> = {};
    const others: { path: string; message: string }[] = [];
    for (const issue of answer.issues ?? []) {
      if (issue.path === "year" || issue.path === "number" || issue.path === "issuedOn" || issue.path === "precision" || issue.path.startsWith("bands.")) {
        (byField[issue.path] ??= []).push(issue.message);
      } else {
        others.push(issue);
      }
    }
    setFieldErrors(byField);
    setMessage({ text: answer.message, isError: true, issues: others });
  }

  async function check(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const data = formData("preview");
    if (!data) return setMessage({ text: upload.fileRequired, isError: true, issues: [] });
    setProgress(0);
    const answer = await postWithProgress<HistoryImportPreview>(URL_PATH, data, setProgress);
    setProgress(null);
    if (answer === null) return setMessage({ text: upload.networkError, isError: true, issues: [] });
    if (!answer.ok) return showRefusal(answer);
    setPreview(answer.value);
  }

  async function apply() {
    const data = formData("apply");
    if (!data || !preview) return;
    if (!window.confirm(interpolate(text.confirm, { year: preview.year, number: preview.number }))) return;
    setIsApplying(true);
    const answer = await postWithProgress<HistoryImportApplied>(URL_PATH, data, () => undefined);
    setIsApplying(false);
    if (answer === null) return setMessage({ text: upload.networkError, isError: true, issues: [] });
    if (!answer.ok) return showRefusal(answer);
    setMessage({ text: interpolate(text.done, { year: preview.year, n: answer.value.results, number: preview.number }), isError: false, issues: [] });
    setPreview(null);
    formRef.current?.reset();
    router.refresh();
  }

  const fieldProps = (name: string) => ({
    id: `history-${name.replace(".", "-")}`,
    name,
    "aria-invalid": fieldErrors[name] ? true : undefined,
    "aria-describedby": fieldErrors[name] ? `history-${name.replace(".", "-")}-error` : undefined,
  });
  const fieldError = (name: string) =>
    fieldErrors[name] ? (
      <ul id={`history-${name.replace(".", "-")}-error`} className="text-sm text-red-700">
        {fieldErrors[name].map((problem) => <li key={problem}>{problem}</li>)}
      </ul>
    ) : null;
  const differing = preview ? preview.unitTypes.flatMap((unitType) => unitType.rows.filter((row) => row.differences.length > 0).map((row) => ({ row, unitType: unitType.name }))) : [];

  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={(event) => void check(event)} onChange={reset} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="history-year" className="block font-medium">{text.year}</label>
            <input {...fieldProps("year")} type="number" required min={2000} max={maxYear} defaultValue={maxYear - 1} className="w-32 rounded border border-slate-300 px-3 py-2" />
            {fieldError("year")}
          </div>
          <div className="space-y-1">
            <label htmlFor="history-precision" className="block font-medium">{text.precision}</label>
            <select {...fieldProps("precision")} defaultValue="2" className="rounded border border-slate-300 px-3 py-2">
              <option value="2">{interpolate(text.precisionOption, { n: 2, example: "91,79%" })}</option>
              <option value="3">{interpolate(text.precisionOption, { n: 3, example: "91,794%" })}</option>
            </select>
            {fieldError("precision")}
          </div>
          <div className="space-y-1">
            <label htmlFor="history-number" className="block font-medium">{text.number}</label>
            <input {...fieldProps("number")} type="text" required maxLength={60} placeholder="35/TB-UBND" className="w-full rounded border border-slate-300 px-3 py-2" />
            {fieldError("number")}
          </div>
          <div className="space-y-1">
            <label htmlFor="history-issuedOn" className="block font-medium">{text.issuedOn}</label>
            <input
              {...fieldProps("issuedOn")}
              aria-describedby={[fieldProps("issuedOn")["aria-describedby"], "history-issuedOn-hint"].filter(Boolean).join(" ")}
              required
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              className="w-48 rounded border border-slate-300 px-3 py-2"
            />
            <p id="history-issuedOn-hint" className="text-sm text-slate-600">{text.issuedOnHint}</p>
            {fieldError("issuedOn")}
          </div>
        </div>

        <fieldset className="space-y-3">
          <legend className="font-medium">{text.bandsTitle}</legend>
          <p id="history-bands-hint" className="text-sm text-slate-700">{text.bandsHint}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {unitTypes.map((unitType) => {
              const props = fieldProps(`bands.${unitType.id}`);
              return (
                <div key={unitType.id} className="space-y-1">
                  <label htmlFor={props.id} className="block text-sm font-medium">{interpolate(text.bandsFor, { unitType: unitType.name })}</label>
                  <textarea
                    {...props}
                    aria-describedby={[props["aria-describedby"], "history-bands-hint"].filter(Boolean).join(" ")}
                    rows={4}
                    defaultValue={unitType.defaultBands}
                    className="w-full rounded border border-slate-300 px-3 py-2 font-mono text-sm"
                  />
                  {fieldError(`bands.${unitType.id}`)}
                </div>
              );
            })}
          </div>
        </fieldset>

        <div className="space-y-1">
          <label className="flex items-start gap-2">
            <input type="checkbox" name="isCreatingAgencies" aria-describedby="history-create-hint" className="mt-1" />
            <span>{text.createAgencies}</span>
          </label>
          <p id="history-create-hint" className="text-sm text-slate-700">{text.createAgenciesHint}</p>
        </div>

        <p className="text-sm">
          {upload.templates}{" "}
          <a href={`${URL_PATH}/template?format=xlsx`} className="text-brand-700 underline">{upload.templateXlsx}</a>
          {" · "}
          <a href={`${URL_PATH}/template?format=csv`} className="text-brand-700 underline">{upload.templateCsv}</a>
        </p>
        <div className="space-y-1">
          <label htmlFor="history-file" className="block font-medium">{upload.file}</label>
          <input id="history-file" name="file" type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" aria-describedby="history-columns" className="block" />
        </div>
        <ImportPreviewSubmit progress={progress} isApplying={isApplying} />
        <MessageBox message={message} />
      </form>

      {preview ? (
        <section aria-labelledby="history-preview" className="space-y-4">
          <h2 id="history-preview" ref={previewHeading} tabIndex={-1} className="text-xl font-semibold focus-visible:outline-2">
            {preview.year} — {preview.number} ({formatDate(new Date(`${preview.issuedOn}T00:00:00Z`))})
          </h2>
          <p role="status">
            {interpolate(text.summary, { rows: preview.counts.rows, unitTypes: preview.unitTypes.length, newAgencies: preview.counts.newAgencies, differences: preview.counts.differences })}
          </p>

          <ImportRowErrors errors={preview.errors} />

          <div className="space-y-2">
            <h3 className="font-semibold">{differing.length > 0 ? interpolate(text.differencesTitle, { n: differing.length }) : text.differencesNone}</h3>
            {differing.length > 0 ? <ResultsTable rows={differing} precision={preview.precision} caption={interpolate(text.differencesTitle, { n: differing.length })} /> : null}
            <p className="text-sm text-slate-700">{text.differencesNote}</p>
          </div>

          {preview.newAgencies.length > 0 ? (
            <div className="space-y-1">
              <h3 className="font-semibold">{text.newAgenciesTitle}</h3>
              <ul className="list-disc pl-6 text-sm">
                {preview.newAgencies.map((agency) => <li key={`${agency.unitTypeName}-${agency.name}`}>{agency.name} ({agency.unitTypeName})</li>)}
              </ul>
            </div>
          ) : null}

          {preview.errors.length === 0 && preview.counts.rows > 0 ? (
            <button type="button" onClick={() => void apply()} disabled={isApplying} aria-busy={isApplying} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {isApplying ? text.applying : interpolate(text.apply, { year: preview.year })}
            </button>
          ) : null}

          {preview.unitTypes.map((unitType) => (
            <details key={unitType.unitTypeId} className="rounded-lg border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer font-semibold">{interpolate(text.allRowsTitle, { unitType: unitType.name })}</summary>
              <div className="mt-2">
                <ResultsTable rows={unitType.rows.map((row) => ({ row, unitType: unitType.name }))} precision={preview.precision} caption={interpolate(text.allRowsTitle, { unitType: unitType.name })} />
              </div>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}

/** Computed and published figures side by side; a published figure that differs is highlighted and said. */
function ResultsTable({ rows, precision, caption }: { rows: { row: HistoryPreviewRow; unitType: string }[]; precision: 2 | 3; caption: string }) {
  const cell = (row: HistoryPreviewRow, field: HistoryPreviewRow["differences"][number], value: string) =>
    row.differences.includes(field) ? (
      <td className="bg-amber-100 px-3 py-2 font-semibold text-amber-900">
        {value} <span className="sr-only">({text.differs})</span>
      </td>
    ) : (
      <td className="px-3 py-2">{value}</td>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">{text.columns.row}</th>
            <th scope="col" className="px-3 py-2">{text.columns.agency}</th>
            <th scope="col" className="px-3 py-2">{text.columns.unitType}</th>
            <th scope="col" className="px-3 py-2">{text.columns.points}</th>
            <th scope="col" className="px-3 py-2">{text.columns.computedPercent}</th>
            <th scope="col" className="px-3 py-2">{text.columns.publishedPercent}</th>
            <th scope="col" className="px-3 py-2">{text.columns.computedRank}</th>
            <th scope="col" className="px-3 py-2">{text.columns.publishedRank}</th>
            <th scope="col" className="px-3 py-2">{text.columns.computedBand}</th>
            <th scope="col" className="px-3 py-2">{text.columns.publishedBand}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, unitType }) => (
            <tr key={row.rowNumber} className="border-t border-slate-100">
              <td className="px-3 py-2">{row.rowNumber}</td>
              <th scope="row" className="px-3 py-2 font-medium">
                {row.agencyName}
                {row.agencySlug === null ? <span className="ml-1 text-xs font-normal text-slate-600">{text.newAgency}</span> : null}
              </th>
              <td className="px-3 py-2">{unitType}</td>
              <td className="px-3 py-2">{formatPoints(row.totalPoints)}/{formatPoints(row.maxPoints)}</td>
              <td className="px-3 py-2">{formatPercent(row.computed.indexPercent, precision)}</td>
              {cell(row, "indexPercent", row.published.indexPercent === null ? "—" : formatPercent(row.published.indexPercent, Math.max(precision, decimalsOf(row.published.indexPercent))))}
              <td className="px-3 py-2">{row.computed.rank === null ? "—" : `${row.computed.rank}/${row.computed.rankedCount}`}</td>
              {cell(row, "rank", row.published.rank === null ? "—" : String(row.published.rank))}
              <td className="px-3 py-2">{row.computed.bandLabel ?? "—"}</td>
              {cell(row, "band", row.published.bandLabel ?? "—")}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Significant decimals of a decimal text ("85.740" → 2), so a published figure shows as typed. */
function decimalsOf(decimal: string): number {
  return (decimal.split(".")[1] ?? "").replace(/0+$/, "").length;
}
