import type { ServiceResult } from "@/lib/services/service-result";

/**
 * What an administration form shows after its server action: the message, each field's error,
 * a link to what was created, and the values sent (React resets a form after its action; the form
 * shows them again so that a refused input is not lost).
 */
export type AdminFormState = {
  message: string;
  isError: boolean;
  fieldErrors: Record<string, string>;
  /** Every reason of a refusal that concerns the whole form (e.g. each problem of a merger). */
  details?: string[];
  link?: { href: string; label: string };
  values?: Record<string, string | string[]>;
} | null;

/** The issue path of the succession services' problems, which concern the whole form. */
const FORM_WIDE = "agencies";

/** The form's values as sent: one string per field, a list for fields sent several times. */
export function valuesOf(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return values;
}

/** One text field of a form ("" when absent). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The state after a service call: its message and field errors on refusal, `saved` on success. */
export function stateOf(result: ServiceResult<unknown>, form: FormData, saved: string, link?: { href: string; label: string }): AdminFormState {
  if (result.ok) return { message: saved, isError: false, fieldErrors: {}, ...(link ? { link } : {}) };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.issues ?? []) fieldErrors[issue.path] ??= issue.message;
  const details = (result.issues ?? []).filter((issue) => issue.path === FORM_WIDE).map((issue) => issue.message);
  return { message: result.message, isError: true, fieldErrors, values: valuesOf(form), ...(details.length > 1 ? { details } : {}) };
}
