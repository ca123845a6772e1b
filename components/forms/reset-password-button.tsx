"use client";

import { useActionState } from "react";

import { resetUserPasswordAction, type ResetPasswordState } from "@/app/(workspace)/quan-tri/actions";
import { getMessages } from "@/lib/i18n/messages";

export function ResetPasswordButton({ userId }: { userId: string }) {
  const [state, action, isPending] = useActionState<ResetPasswordState, FormData>(resetUserPasswordAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded border border-brand-700 px-2 py-1 text-brand-700 disabled:opacity-60">
        {getMessages("vi").adminHome.resetPassword}
      </button>
      {state ? (
        <p role="status" className={state.isError ? "text-red-700" : "font-mono text-green-800"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
