"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { formatPoints, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { SurveyImportApplied } from "@/lib/services/apply-survey-import";
import type { SurveyImportPreview } from "@/lib/services/preview-survey-import";

import { ImportRowErrors } from "./import-row-errors";
import { ImportPreviewSubmit, MessageBox, type ImportMessage } from "./import-upload-status";
import { postWithProgress } from "./post-with-progress";

const {
  adminImports: { survey: text, upload },
} = getMessages("vi");
const URL_PATH = "/api/admin/survey-import";

/**
 * Upload a survey points file, see every row checked, then store it. The file stays in the browser
 * between the two steps and is sent again to be stored: the server re-reads and re-checks it.
 */
export function SurveyImportForm({ years, defaultYearId }: { years: { id: string; label: string }[]; defaultYearId: string | null }) {
  const router = useRouter();
  const [yearId, setYearId] = useState(defaultYearId ?? years[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [isApplying, setIsApplying] = useState(false);
  const [preview, setPreview] = useState<SurveyImportPreview | null>(null);
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  // Read at submission, not only on change: a file chosen before the page finished loading (a slow
  // phone) fires its change event before React listens, and would otherwise be "no file chosen".
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  function reset() {
    setPreview(null);
    setMessage(null);
  }

  function formFor(intent: "preview" | "apply", selected: File): FormData {
    const form = new FormData();
    form.append("intent", intent);
    form.append("yearId", yearId);
    form.append("file", selected);
    if (intent === "apply" && preview) form.append("previewToken", preview.previewToken);
    return form;
  }

  async function check(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const chosen = fileInput.current?.files?.[0] ?? null;
    setFile(chosen);
    if (!chosen) return setMessage({ text: upload.fileRequired, isError: true, issues: [] });
    setProgress(0);
    const answer = await postWithProgress<SurveyImportPreview>(URL_PATH, formFor("preview", chosen), setProgress);
    setProgress(null);
    if (answer === null) return setMessage({ text: upload.networkError, isError: true, issues: [] });
    if (!answer.ok) return setMessage({ text: answer.message, isError: true, issues: answer.issues ?? [] });
    setPreview(answer.value);
  }

  async function apply() {
    if (!file || !preview) return;
    if (!window.confirm(interpolate(text.confirm, { n: preview.counts.rows, year: preview.year }))) return;
    setIsApplying(true);
    const answer = await postWithProgress<SurveyImportApplied>(URL_PATH, formFor("apply", file), () => undefined);
    setIsApplying(false);
    if (answer === null) return setMessage({ text: upload.networkError, isError: true, issues: [] });
    if (!answer.ok) return setMessage({ text: answer.message, isError: true, issues: answer.issues ?? [] });
    const { created, replaced, unchanged } = answer.value;
    setPreview(null);
    setMessage({ text: created + replaced === 0 ? text.nothingChanged : interpolate(text.done, { created, replaced, unchanged }), isError: false, issues: [] });
    router.refresh();
  }

  if (years.length === 0) return <p>{text.noYear}</p>;
  const templateQuery = `yearId=${encodeURIComponent(yearId)}`;
  return (
    <div className="space-y-6">
      <form onSubmit={(event) => void check(event)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="space-y-1">
          <label htmlFor="survey-year" className="block font-medium">{text.year}</label>
          <select
            id="survey-year"
            value={yearId}
            onChange={(event) => {
              setYearId(event.target.value);
              reset();
            }}
            className="rounded border border-slate-300 px-3 py-2"
          >
            {years.map((year) => (
              <option key={year.id} value={year.id}>{year.label}</option>
            ))}
          </select>
        </div>
        <p className="text-sm">
          {text.templateFor}{" "}
          <a href={`${URL_PATH}/template?format=xlsx&${templateQuery}`} className="text-brand-700 underline">{upload.templateXlsx}</a>
          {" · "}
          <a href={`${URL_PATH}/template?format=csv&${templateQuery}`} className="text-brand-700 underline">{upload.templateCsv}</a>
        </p>
        <div className="space-y-1">
          <label htmlFor="survey-file" className="block font-medium">{upload.file}</label>
          <input
            id="survey-file"
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby="survey-columns"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
            className="block"
          />
        </div>
        <ImportPreviewSubmit progress={progress} isApplying={isApplying} />
        <MessageBox message={message} />
      </form>

      {preview ? (
        <section aria-labelledby="survey-preview" className="space-y-4">
          <h2 id="survey-preview" ref={previewHeading} tabIndex={-1} className="text-xl font-semibold focus-visible:outline-2">
            {preview.fileName} — {preview.year}
          </h2>
          <p role="status">{interpolate(text.summary, preview.counts)}</p>
          <ImportRowErrors errors={preview.errors} />

          <div className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-4">
            <h3 className="font-semibold">{preview.missing.length > 0 ? interpolate(text.missingTitle, { n: preview.missing.length }) : text.missingNone}</h3>
            {preview.missing.length > 0 ? (
              <ul className="list-disc pl-6 text-sm">
                {preview.missing.map((agency) => (
                  <li key={agency.agencyId}>
                    {agency.agencyName} ({agency.unitTypeName}): {interpolate(text.missingCodes, { codes: agency.codes.join(", ") })}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>

          {preview.errors.length === 0 && preview.rows.length > 0 ? (
            <button type="button" onClick={() => void apply()} disabled={isApplying} aria-busy={isApplying} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {isApplying ? text.applying : text.apply}
            </button>
          ) : null}

          {preview.rows.length > 0 ? (
            <div className="space-y-2">
              <h3 className="font-semibold">{text.rowsTitle}</h3>
              <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-100">
                    <tr>
                      <th scope="col" className="px-3 py-2 text-right">{text.columns.row}</th>
                      <th scope="col" className="px-3 py-2">{text.columns.agency}</th>
                      <th scope="col" className="px-3 py-2">{text.columns.criterion}</th>
                      <th scope="col" className="px-3 py-2 text-right">{text.columns.points}</th>
                      <th scope="col" className="px-3 py-2 text-right">{text.columns.previous}</th>
                      <th scope="col" className="px-3 py-2">{text.columns.change}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row) => (
                      <tr key={row.rowNumber} className="border-t border-slate-100 align-top">
                        <td className="px-3 py-2 text-right tabular-nums">{row.rowNumber}</td>
                        <th scope="row" className="px-3 py-2 font-medium">{row.agencyName}</th>
                        <td className="px-3 py-2">{row.criterionCode} — {row.criterionTitle}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{formatPoints(row.points)}/{formatPoints(row.maxPoints)}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{row.previousPoints === null ? "—" : formatPoints(row.previousPoints)}</td>
                        <td className={`px-3 py-2 ${row.change === "REPLACED" ? "font-semibold text-amber-800" : ""}`}>{text.changes[row.change]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
