import Link from "next/link";

import { getMessages } from "@/lib/i18n/messages";

const { adminOrg: text } = getMessages("vi");

const LINKS = [
  { href: "/quan-tri/don-vi", label: text.nav.agencies },
  { href: "/quan-tri/don-vi/loai", label: text.nav.unitTypes },
  { href: "/quan-tri/don-vi/don-vi-tham-dinh", label: text.nav.appraiserUnits },
  { href: "/quan-tri/don-vi/sap-nhap", label: text.nav.merge },
  { href: "/quan-tri/don-vi/chia-tach", label: text.nav.split },
] as const;

/** The organisation pages, one link each; the current one is marked for screen readers. */
export function OrganisationNav({ current }: { current: (typeof LINKS)[number]["href"] | null }) {
  return (
    <nav aria-label={text.nav.label}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className="block rounded border border-slate-300 bg-white px-3 py-1.5 text-brand-700 underline aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:no-underline"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
