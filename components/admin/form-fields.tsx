import type { ReactNode } from "react";

import type { AdminFormState } from "@/app/(workspace)/quan-tri/form-state";
import { getMessages } from "@/lib/i18n/messages";

// Labelled fields for the administration forms: each error is linked to its field
// (aria-describedby) and marks it invalid; hints are linked the same way.

const { adminOrg: text } = getMessages("vi");

type FieldProps = {
  /** Unique in the page: forms repeated on one page (one per row) prefix their ids. */
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
};

function describedBy(props: FieldProps): string | undefined {
  const ids = [props.error ? `${props.id}-error` : null, props.hint ? `${props.id}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Help({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

function Label({ id, label, isRequired }: { id: string; label: string; isRequired?: boolean }) {
  return (
    <label htmlFor={id} className="block font-medium">
      {label}
      {isRequired ? <span className="font-normal text-slate-600"> {text.required}</span> : null}
    </label>
  );
}

const INPUT = "w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700";

export function TextField(props: FieldProps & { defaultValue?: string; type?: "text" | "email" | "date" | "number"; autoComplete?: string; isReadOnly?: boolean }) {
  return (
    <div className="space-y-1">
      <Label id={props.id} label={props.label} isRequired={props.isRequired} />
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.isRequired}
        readOnly={props.isReadOnly}
        autoComplete={props.autoComplete ?? "off"}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={`${INPUT} read-only:bg-slate-100`}
      />
      <Help id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField(props: FieldProps & { options: readonly Option[]; defaultValue?: string; emptyLabel?: string }) {
  return (
    <div className="space-y-1">
      <Label id={props.id} label={props.label} isRequired={props.isRequired} />
      {/* Keyed on the value shown: React resets a form after its action, and a select would go back
          to the value it was first rendered with instead of the one just sent. */}
      <select
        key={props.defaultValue ?? ""}
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        required={props.isRequired}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props)}
        className={INPUT}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Help id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

export function CheckboxField(props: FieldProps & { defaultChecked?: boolean; value?: string }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          id={props.id}
          name={props.name}
          type="checkbox"
          value={props.value ?? "on"}
          defaultChecked={props.defaultChecked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props)}
          className="h-4 w-4"
        />
        <label htmlFor={props.id}>{props.label}</label>
      </div>
      <Help id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** The form's outcome: an alert on refusal, a status on success (announced either way). */
export function FormMessage({ state }: { state: AdminFormState }) {
  if (!state) return null;
  return (
    <div role={state.isError ? "alert" : "status"} className={state.isError ? "rounded border border-red-300 bg-red-50 p-3 text-red-800" : "rounded border border-green-300 bg-green-50 p-3 text-green-900"}>
      <p>{state.message}</p>
      {state.details ? (
        <ul className="mt-1 list-disc pl-6">
          {state.details.slice(1).map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
      {state.link ? (
        <p className="mt-1">
          <a href={state.link.href} className="text-brand-700 underline">
            {state.link.label}
          </a>
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ isPending, children }: { isPending: boolean; children: ReactNode }) {
  return (
    <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
      {children}
    </button>
  );
}

/** The value a field shows: what was just sent (after a refusal), else the saved one. */
export function shown(state: AdminFormState, name: string, saved: string | null | undefined): string {
  const sent = state?.values?.[name];
  if (sent !== undefined) return Array.isArray(sent) ? (sent[0] ?? "") : sent;
  return saved ?? "";
}

/** Whether a checkbox shows checked: as just sent (after a refusal), else as saved. */
export function shownChecked(state: AdminFormState, name: string, saved: boolean): boolean {
  if (state?.values) return state.values[name] !== undefined;
  return saved;
}

/** The values a group of checkboxes shows: as just sent (after a refusal), else as saved. */
export function shownList(state: AdminFormState, name: string, saved: readonly string[]): readonly string[] {
  if (!state?.values) return saved;
  const sent = state.values[name];
  return sent === undefined ? [] : Array.isArray(sent) ? sent : [sent];
}
