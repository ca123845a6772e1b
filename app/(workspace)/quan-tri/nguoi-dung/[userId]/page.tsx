import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { UserForm, UserStatusButton } from "@/components/admin/user-form";
import { ResetPasswordButton } from "@/components/forms/reset-password-button";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { formatVietnamDate, interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { userFormOptions } from "../user-form-options";

const { adminOrg, adminHome } = getMessages("vi");
const text = adminOrg.users;

export const metadata: Metadata = { title: adminHome.sections.users };

/** One account: its roles and scope, disable/enable (never one's own), a temporary password. */
export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireArea("workspace.admin");
  const { userId } = await params;
  const db = getPrisma();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, roles: true, agencyId: true, appraiserUnitId: true, isAppraisalLead: true, isActive: true, mustChangePassword: true, lastSignInAt: true },
  });
  if (!user) notFound();
  const { agencies, appraiserUnits } = await userFormOptions(db, user.agencyId);
  const isSelf = user.id === actor.id;
  return (
    <section className="space-y-6">
      <p>
        <Link href="/quan-tri/nguoi-dung" className="text-brand-700 underline">{adminHome.sections.users}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-800">{user.name}</h1>
      <ul className="space-y-1">
        <li>{interpolate(text.accountStatus, { status: user.isActive ? adminHome.active : adminHome.disabled })}</li>
        <li>{user.lastSignInAt ? interpolate(text.lastSignIn, { date: formatVietnamDate(user.lastSignInAt) }) : text.neverSignedIn}</li>
        {user.mustChangePassword ? <li>{text.mustChangePassword}</li> : null}
      </ul>
      {isSelf ? <p className="rounded border border-amber-300 bg-amber-50 p-3">{text.ownAccount}</p> : null}

      <UserForm key={user.id} user={user} agencies={agencies} appraiserUnits={appraiserUnits} />

      <div className="flex flex-wrap items-start gap-6">
        {isSelf ? null : <UserStatusButton userId={user.id} isActive={user.isActive} />}
        <ResetPasswordButton userId={user.id} />
      </div>
    </section>
  );
}
