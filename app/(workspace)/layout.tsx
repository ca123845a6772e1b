import Link from "next/link";
import type { ReactNode } from "react";

import { SignOutButton } from "@/components/ui/sign-out-button";
import { areasOf, requireActor } from "@/lib/auth/session";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

// Every page below needs a signed-in user; each area page also checks its own role (requireArea).
export const dynamic = "force-dynamic";

const AREA_LABELS = {
  "workspace.agency": "agency",
  "workspace.appraisal": "appraisal",
  "workspace.admin": "admin",
} as const;

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor({ isPasswordChangePage: true });
  const { auth, workspace } = getMessages("vi");
  return (
    <div className="space-y-6">
      <nav aria-label={workspace.navigation} className="flex flex-wrap items-center gap-3 rounded-lg bg-brand-700 px-4 py-3 text-white">
        {areasOf(actor).map(({ area, path }) => (
          <Link key={area} href={path} className="rounded px-2 py-1 font-medium hover:bg-white/10">
            {workspace.areas[AREA_LABELS[area]]}
          </Link>
        ))}
        <Link href="/doi-mat-khau" className="rounded px-2 py-1 hover:bg-white/10">
          {workspace.changePassword}
        </Link>
        <span className="ml-auto text-sm text-blue-100">{interpolate(auth.signedInAs, { name: actor.name })}</span>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}
