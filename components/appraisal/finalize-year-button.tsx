"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { finalizeYearAction } from "@/app/(workspace)/tham-dinh/ket-qua/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { yearResults: text, errors } = getMessages("vi");

/** Stores the previewed results and closes the year's appraisal; the service recomputes and checks again. */
export function FinalizeYearButton({ yearId, year }: { yearId: string; year: number }) {
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean; issues: { path: string; message: string }[] } | null>(null);

  async function finalize() {
    if (!window.confirm(interpolate(text.confirm, { year }))) return;
    setIsBusy(true);
    const result = await finalizeYearAction(yearId).catch(() => null);
    setIsBusy(false);
    if (result === null) return setMessage({ text: errors.retry, isError: true, issues: [] });
    if (!result.ok) return setMessage({ text: result.message, isError: true, issues: result.issues ?? [] });
    setMessage({ text: interpolate(text.done, { n: result.value.resultsStored }), isError: false, issues: [] });
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <button type="button" disabled={isBusy} aria-busy={isBusy} onClick={() => void finalize()} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {isBusy ? text.finalizing : interpolate(text.finalize, { year })}
      </button>
      {message ? (
        <div role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
          <p>{message.text}</p>
          {message.issues.length > 0 ? (
            <ul className="list-disc pl-6">
              {message.issues.map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>{issue.path}: {issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
