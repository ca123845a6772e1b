"use client";

import { getMessages } from "@/lib/i18n/messages";

/** Opens the browser's print dialog, where "Save as PDF" gives the appendix. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
      {getMessages("vi").adminPublication.print.printButton}
    </button>
  );
}
