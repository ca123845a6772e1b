"use client";

import { startTransition, useActionState, type FormEvent } from "react";

import type { YearFormState } from "@/app/(workspace)/quan-tri/nam/actions";

type YearAction = (previous: YearFormState, form: FormData) => Promise<YearFormState>;

/**
 * A year form's state and submit handler. Submitting through a transition rather than the form's
 * `action` prop keeps what was typed after a refusal (React resets a form after an action-prop
 * submission), so the administrator corrects the field instead of typing everything again.
 */
export function useYearForm(action: YearAction, confirmMessage?: () => string | null) {
  const [state, dispatch, isPending] = useActionState<YearFormState, FormData>(action, null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const question = confirmMessage?.() ?? null;
    if (question !== null && !window.confirm(question)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }
  return { state, onSubmit, isPending };
}

/** The messages of the problems reported for one field, or undefined. */
export function issueOf(state: YearFormState, path: string): string | undefined {
  const messages = (state?.issues ?? []).filter((issue) => issue.path === path).map((issue) => issue.message);
  return messages.length > 0 ? messages.join(" ") : undefined;
}

/**
 * The result of the last submission: the message and every problem, announced to screen readers.
 * `isSubjectShown`: the problems are about named things (a unit type, an agency), not this form's fields.
 */
export function FormStatus({ state, isSubjectShown = false }: { state: YearFormState; isSubjectShown?: boolean }) {
  if (!state) return null;
  return (
    <div role={state.isError ? "alert" : "status"} className={state.isError ? "rounded border border-red-300 bg-red-50 p-3 text-red-800" : "text-green-800"}>
      <p className={state.isError ? "font-semibold" : undefined}>{state.message}</p>
      {state.issues.length > 0 ? (
        <ul className="mt-1 list-disc pl-6">
          {state.issues.map((issue, index) => (
            <li key={`${index}-${issue.path}`}>{isSubjectShown ? `${issue.path}: ${issue.message}` : issue.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A field's error, linked to the field by its id (aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}
