"use client";

import { useRef, useState } from "react";

import { saveGradingBandsAction } from "@/app/(workspace)/quan-tri/nam/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { FieldError, FormStatus, issueOf, useYearForm } from "./year-form";

const { adminYears: text } = getMessages("vi");

/** A band as typed: the lower bound as text ("72,5"), checked by the service with lib/domain validateBands. */
export type BandRow = { label: string; minPercent: string };

/** One unit type's bands: rows to edit, add and remove, saved together (replacing the stored ones). */
export function GradingBandsForm({ yearId, unitTypeId, unitTypeName, bands }: { yearId: string; unitTypeId: string; unitTypeName: string; bands: BandRow[] }) {
  const { state, onSubmit, isPending } = useYearForm(saveGradingBandsAction);
  const nextKey = useRef(bands.length);
  const [rows, setRows] = useState(() => bands.map((band, index) => ({ ...band, key: index })));
  const update = (key: number, change: Partial<BandRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const prefix = `bands-${unitTypeId}`;
  return (
    <form onSubmit={onSubmit} aria-labelledby={`${prefix}-title`} className="space-y-3">
      <h3 id={`${prefix}-title`} className="text-lg font-semibold">{interpolate(text.bands.unitTypeTitle, { unitType: unitTypeName })}</h3>
      <input type="hidden" name="yearId" value={yearId} />
      <input type="hidden" name="unitTypeId" value={unitTypeId} />
      <FormStatus state={state} />
      {rows.length === 0 ? <p>{text.bands.none}</p> : null}
      <ol className="space-y-2">
        {rows.map((row, index) => {
          const n = index + 1;
          const labelError = issueOf(state, `bands.${index}.label`);
          const minError = issueOf(state, `bands.${index}.minPercent`);
          const id = `${prefix}-${row.key}`;
          return (
            <li key={row.key} className="flex flex-wrap items-start gap-2">
              <div className="space-y-1">
                <label htmlFor={`${id}-label`} className="sr-only">{interpolate(text.bands.labelOf, { n })}</label>
                <input
                  id={`${id}-label`}
                  name="label"
                  value={row.label}
                  onChange={(event) => update(row.key, { label: event.target.value })}
                  placeholder={text.bands.label}
                  required
                  maxLength={100}
                  aria-invalid={labelError ? true : undefined}
                  aria-describedby={labelError ? `${id}-label-error` : undefined}
                  className="w-64 rounded border border-slate-300 px-2 py-1"
                />
                <FieldError id={`${id}-label-error`} message={labelError} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`${id}-min`} className="sr-only">{interpolate(text.bands.minPercentOf, { n })}</label>
                <input
                  id={`${id}-min`}
                  name="minPercent"
                  inputMode="decimal"
                  value={row.minPercent}
                  onChange={(event) => update(row.key, { minPercent: event.target.value })}
                  placeholder={text.bands.minPercent}
                  required
                  aria-invalid={minError ? true : undefined}
                  aria-describedby={minError ? `${id}-min-error` : undefined}
                  className="w-28 rounded border border-slate-300 px-2 py-1"
                />
                <span aria-hidden="true" className="ml-1">%</span>
                <FieldError id={`${id}-min-error`} message={minError} />
              </div>
              <button
                type="button"
                onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}
                className="rounded border border-slate-400 px-2 py-1 text-sm"
              >
                {interpolate(text.bands.removeRow, { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => {
            const key = nextKey.current++;
            setRows((current) => [...current, { key, label: "", minPercent: "" }]);
          }}
          className="rounded border border-brand-700 px-3 py-1 text-brand-700"
        >
          {text.bands.addRow}
        </button>
        <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {isPending ? text.bands.saving : interpolate(text.bands.save, { unitType: unitTypeName })}
        </button>
      </div>
    </form>
  );
}
