"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { createCriteriaSetAction } from "@/app/(workspace)/quan-tri/bo-chi-so/actions";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

const { adminCriteria, errors } = getMessages("vi");
const text = adminCriteria.list;

/** Creates a (year, unit type)'s set, empty or copied from the latest earlier year, then opens it; the service checks phase and permission. */
export function CreateCriteriaSetButtons({ yearId, unitTypeId, label, editorPath }: { yearId: string; unitTypeId: string; label: string; editorPath: string }) {
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function create(source: "EMPTY" | "PREVIOUS_YEAR") {
    setIsBusy(true);
    const result = await createCriteriaSetAction({ yearId, unitTypeId, source }).catch(() => null);
    setIsBusy(false);
    if (result === null) return setMessage({ text: errors.retry, isError: true });
    if (!result.ok) return setMessage({ text: result.message, isError: true });
    setMessage({
      text: result.value.clonedFromYear === null ? text.createdEmpty : interpolate(text.cloned, { count: result.value.criteriaCount, year: result.value.clonedFromYear }),
      isError: false,
    });
    router.push(editorPath);
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={isBusy} aria-busy={isBusy} onClick={() => void create("PREVIOUS_YEAR")} className="rounded bg-brand-700 px-3 py-1 font-medium text-white disabled:opacity-60">
          {isBusy ? text.creating : text.clone}
          <span className="sr-only"> {label}</span>
        </button>
        <button type="button" disabled={isBusy} onClick={() => void create("EMPTY")} className="rounded border border-brand-700 px-3 py-1 text-brand-700 disabled:opacity-60">
          {text.createEmpty}
          <span className="sr-only"> {label}</span>
        </button>
      </div>
      {message ? (
        <p role={message.isError ? "alert" : "status"} className={message.isError ? "text-red-800" : "text-green-800"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
