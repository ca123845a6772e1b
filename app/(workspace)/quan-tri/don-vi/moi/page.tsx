import type { Metadata } from "next";

import { AgencyForm } from "@/components/admin/agency-form";
import { OrganisationNav } from "@/components/admin/organisation-nav";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { getMessages } from "@/lib/i18n/messages";

import { agencyOptions, unitTypeOptions } from "../form-options";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.agencies.addTitle };

export default async function NewAgencyPage() {
  await requireArea("workspace.admin");
  const db = getPrisma();
  const [unitTypes, parents] = await Promise.all([unitTypeOptions(db), agencyOptions(db)]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.agencies.addTitle}</h1>
      <OrganisationNav current={null} />
      <AgencyForm agency={null} unitTypes={unitTypes} parents={parents} isSlugFrozen={false} />
    </section>
  );
}
