"use client";

import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

// The user sees a generic message with the incident id the server logged (error.digest).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { errors } = getMessages("vi");
  return (
    <div role="alert" className="space-y-4">
      <p className="text-lg">{interpolate(errors.generic, { eventId: error.digest ?? "—" })}</p>
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white">
        {errors.retry}
      </button>
    </div>
  );
}
