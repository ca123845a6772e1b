import { getMessages } from "@/lib/i18n/messages";

export default function Loading() {
  return (
    <p role="status" aria-live="polite" className="text-slate-600">
      {getMessages("vi").errors.loading}
    </p>
  );
}
