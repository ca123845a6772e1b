import { getMessages } from "@/lib/i18n/messages";

/** The loading state of a route segment (each segment's loading.tsx renders it). */
export function LoadingStatus() {
  return (
    <p role="status" aria-live="polite" className="text-slate-600">
      {getMessages("vi").errors.loading}
    </p>
  );
}
