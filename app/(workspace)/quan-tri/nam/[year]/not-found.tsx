import Link from "next/link";

import { getMessages } from "@/lib/i18n/messages";

const { adminYears: text, errors } = getMessages("vi");

/** An unknown year number in the address. */
export default function YearNotFound() {
  return (
    <section className="space-y-3">
      <p role="status">{errors.notFound}</p>
      <Link href="/quan-tri/nam" className="text-brand-700 underline">{text.back}</Link>
    </section>
  );
}
