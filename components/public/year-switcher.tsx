import Link from "next/link";

import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

/** Links to the same page of every published year (latest first); nothing when there is only one. */
export function YearSwitcher({ years, current, pathOf, label }: { years: readonly number[]; current: number; pathOf: (year: number) => string; label: string }) {
  if (years.length < 2) return null;
  const { publicSite } = getMessages("vi");
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2 print:hidden">
      {years.map((year) => (
        <Link
          key={year}
          href={pathOf(year)}
          aria-current={year === current ? "page" : undefined}
          className={`rounded-full border px-3 py-1 text-sm ${year === current ? "border-brand-800 bg-brand-800 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-700"}`}
        >
          {interpolate(publicSite.yearLink, { year })}
        </Link>
      ))}
    </nav>
  );
}
