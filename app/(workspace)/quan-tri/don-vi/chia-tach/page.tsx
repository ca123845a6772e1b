import type { Metadata } from "next";

import { OrganisationNav } from "@/components/admin/organisation-nav";
import { SplitForm } from "@/components/admin/split-form";
import { requireArea } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/prisma";
import { vietnamDateOf } from "@/lib/domain/calendar-date";
import { getMessages } from "@/lib/i18n/messages";
import { notEndedOn } from "@/lib/services/admin-input";

import { unitTypeOptions } from "../form-options";

const { adminOrg: text } = getMessages("vi");

export const metadata: Metadata = { title: text.succession.splitTitle };

export default async function SplitPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("workspace.admin");
  const from = (await searchParams).tu;
  const db = getPrisma();
  const [agencies, unitTypes] = await Promise.all([
    db.agency.findMany({ where: notEndedOn(vietnamDateOf(new Date())), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    unitTypeOptions(db),
  ]);
  const options = agencies.map((agency) => ({ value: agency.id, label: agency.name }));
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{text.succession.splitTitle}</h1>
      <OrganisationNav current="/quan-tri/don-vi/chia-tach" />
      <p className="max-w-3xl">{text.succession.splitIntro}</p>
      <SplitForm agencies={options} unitTypes={unitTypes} predecessorId={typeof from === "string" && options.some((option) => option.value === from) ? from : null} />
    </section>
  );
}
