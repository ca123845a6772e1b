"use client";

import { useActionState } from "react";

import { changeOwnPasswordAction, type ChangePasswordState } from "@/app/(workspace)/doi-mat-khau/actions";
import { getMessages } from "@/lib/i18n/messages";

const { auth } = getMessages("vi");
const FIELDS = [
  { name: "currentPassword", label: auth.currentPassword, autoComplete: "current-password" },
  { name: "newPassword", label: auth.newPassword, autoComplete: "new-password" },
  { name: "confirmPassword", label: auth.confirmPassword, autoComplete: "new-password" },
] as const;

export function ChangePasswordForm() {
  const [state, action, isPending] = useActionState<ChangePasswordState, FormData>(changeOwnPasswordAction, null);
  return (
    <form action={action} className="space-y-4">
      {state ? (
        <p role={state.isError ? "alert" : "status"} className={state.isError ? "text-red-800" : "text-green-800"}>
          {state.message}
        </p>
      ) : null}
      {FIELDS.map((field) => {
        const error = state?.fieldErrors[field.name];
        return (
          <div key={field.name} className="space-y-1">
            <label htmlFor={field.name} className="block font-medium">
              {field.label}
            </label>
            <input
              id={field.name}
              name={field.name}
              type="password"
              required
              autoComplete={field.autoComplete}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${field.name}-error` : field.name === "newPassword" ? "password-rules" : undefined}
              className="w-full rounded border border-slate-300 px-3 py-2"
            />
            {field.name === "newPassword" ? (
              <p id="password-rules" className="text-sm text-slate-600">
                {auth.passwordRules}
              </p>
            ) : null}
            {error ? (
              <p id={`${field.name}-error`} className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {auth.savePassword}
      </button>
    </form>
  );
}
