"use client";

import { useActionState } from "react";

import { carryOverAction, type CarryOverState } from "@/app/(workspace)/co-quan/tu-danh-gia/actions";
import { getMessages } from "@/lib/i18n/messages";

export function CarryOverButton({ assessmentId }: { assessmentId: string }) {
  const [state, action, isPending] = useActionState<CarryOverState, FormData>(carryOverAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <button type="submit" disabled={isPending} aria-busy={isPending} className="rounded border border-brand-700 px-3 py-1 text-brand-700 disabled:opacity-60">
        {getMessages("vi").carryOver.button}
      </button>
      {state ? (
        <p role={state.isError ? "alert" : "status"} className={state.isError ? "text-red-700" : "text-green-800"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
