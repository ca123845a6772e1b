import Link from "next/link";
import type { ReactNode } from "react";

import { getMessages } from "@/lib/i18n/messages";

// No cookies or headers here: the public pages below are rendered once and served from the cache
// until a publication revalidates them (lib/services/publish-year.ts callers).
export default function PublicLayout({ children }: { children: ReactNode }) {
  const { publicSite } = getMessages("vi");
  const links = [
    { href: "/", label: publicSite.nav.leaderboard },
    { href: "/tong-quan", label: publicSite.nav.summary },
    { href: "/phuong-phap", label: publicSite.nav.methodology },
    { href: "/du-lieu-mo", label: publicSite.nav.openData },
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={publicSite.navigation} className="public-nav flex flex-wrap print:hidden items-center gap-x-4 gap-y-2 border-b border-slate-200 pb-3 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="rounded px-1 py-1 font-medium text-brand-800 underline-offset-4 hover:underline">
            {link.label}
          </Link>
        ))}
        <Link href="/dang-nhap" className="ml-auto rounded px-1 py-1 text-slate-700 underline-offset-4 hover:underline">
          {publicSite.nav.signIn}
        </Link>
      </nav>
      {children}
    </div>
  );
}
