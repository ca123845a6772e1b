import type { Metadata } from "next";
import Link from "next/link";

import { UserForm } from "@/components/admin/user-form";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMessages } from "@/lib/i18n/messages";

import { userFormOptions } from "../user-form-options";

const { adminOrg, adminHome } = getMessages("vi");

export const metadata: Metadata = { title: adminOrg.users.addTitle };

export default async function NewUserPage() {
  await requireArea("workspace.admin");
  const { agencies, appraiserUnits } = await userFormOptions(getPrisma());
  return (
    <section className="space-y-4">
      <p>
        <Link href="/quan-tri/nguoi-dung" className="text-brand-700 underline">{adminHome.sections.users}</Link>
      </p>
      <h1 className="text-2xl font-bold text-brand-800">{adminOrg.users.addTitle}</h1>
      <UserForm user={null} agencies={agencies} appraiserUnits={appraiserUnits} />
    </section>
  );
}
