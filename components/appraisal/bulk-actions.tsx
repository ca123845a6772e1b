"use client";

import { useActionState } from "react";

import { bulkQueueAction, type BulkState } from "@/app/(workspace)/tham-dinh/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { appraisalHome: text } = getMessages("vi");

/** Bulk actions on every filtered assessment; `params` are the filters, sent back as they are in the URL. */
export function BulkActions({ params, count }: { params: Record<string, string>; count: number }) {
  const [state, action, isPending] = useActionState<BulkState, FormData>(bulkQueueAction, null);
  return (
    <form action={action} className="space-y-2 rounded-lg border border-slate-300 bg-white p-3" aria-labelledby="bulk-title">
      <p id="bulk-title" className="font-semibold">{interpolate(text.bulkTitle, { n: count })}</p>
      {Object.entries(params).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="kind" value="open" disabled={isPending || count === 0} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
          {text.bulkOpen}
        </button>
        <button type="submit" name="kind" value="accept" disabled={isPending || count === 0} className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 disabled:opacity-60">
          {text.bulkAccept}
        </button>
      </div>
      <p role="status" aria-live="polite" className={state?.isError ? "text-red-800" : "text-green-800"}>
        {isPending ? getMessages("vi").selfAssessment.saving : (state?.message ?? "")}
      </p>
    </form>
  );
}
