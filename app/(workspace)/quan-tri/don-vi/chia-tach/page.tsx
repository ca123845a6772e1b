import type { Metadata } from "next";

import { OrganisationNav } from "@/components/admin/organisation-nav";
import { SplitForm } from "@/components/admin/split-form";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMessages } from "@/lib/i18n/messages";

import { successionFormOptions } from "../form-options";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.succession.splitTitle };

export default async function SplitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("workspace.admin");
  const { agencies, unitTypes, fromId } = await successionFormOptions(getPrisma(), (await searchParams).tu);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.succession.splitTitle}</h1>
      <OrganisationNav current="/quan-tri/don-vi/chia-tach" />
      <p className="max-w-3xl">{text.succession.splitIntro}</p>
      <SplitForm agencies={agencies} unitTypes={unitTypes} predecessorId={fromId} />
    </section>
  );
}
