"use client";

import { useState } from "react";

import { freezeCriteriaSetAction, unfreezeCriteriaSetAction } from "@/app/(workspace)/quan-tri/bo-chi-so/actions";
import { getMessages } from "@/lib/i18n/messages";

import { INPUT_CLASS } from "./criterion-fields";

const { adminCriteria, errors } = getMessages("vi");
const text = adminCriteria.freeze;

/** Unfreeze a frozen set with a reason, or freeze an unfrozen one again (its year has left SETUP). */
export function CriteriaSetFreeze({ criteriaSetId, isFrozen, notice }: { criteriaSetId: string; isFrozen: boolean; notice: string }) {
  const [reason, setReason] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function run() {
    setIsBusy(true);
    setMessage(null);
    const result = await (isFrozen ? unfreezeCriteriaSetAction({ criteriaSetId, reason }) : freezeCriteriaSetAction({ criteriaSetId })).catch(() => null);
    setIsBusy(false);
    if (result === null) return setMessage({ text: errors.retry, isError: true });
    if (!result.ok) return setMessage({ text: result.issues?.[0]?.message ?? result.message, isError: true });
    setReason("");
    setMessage({ text: isFrozen ? text.unfrozen : text.frozenAgain, isError: false });
  }

  return (
    <section aria-label={isFrozen ? text.unfreeze : text.freeze} className={`space-y-2 rounded-lg border p-4 ${isFrozen ? "border-amber-400 bg-amber-50" : "border-sky-300 bg-sky-50"}`}>
      <p>{notice}</p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        {isFrozen ? (
          <div className="min-w-72 flex-1">
            <label htmlFor="unfreeze-reason" className="text-sm font-medium">{text.reasonLabel}</label>
            <input id="unfreeze-reason" className={INPUT_CLASS} value={reason} required minLength={10} onChange={(event) => setReason(event.target.value)} aria-describedby={message?.isError ? "freeze-message" : undefined} />
          </div>
        ) : null}
        <button type="submit" disabled={isBusy} aria-busy={isBusy} className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          {isFrozen ? (isBusy ? text.unfreezing : text.unfreeze) : isBusy ? text.freezing : text.freeze}
        </button>
      </form>
      {message ? (
        <p id="freeze-message" role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
