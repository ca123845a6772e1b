import Link from "next/link";

import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyLineage, LineageAgency } from "@/lib/services/get-agency-lineage";

import { calendarDateText } from "./profile-format";

/** The agencies this one continues ("Tiền thân") and those that continue it ("Đơn vị kế thừa"). */
export function LineageLinks({ lineage }: { lineage: AgencyLineage }) {
  const { publicProfile } = getMessages("vi");
  if (lineage.predecessors.length === 0 && lineage.successors.length === 0) return null;
  const list = (heading: string, agencies: LineageAgency[], notes: Record<LineageAgency["kind"], string>) =>
    agencies.length === 0 ? null : (
      <div>
        <h3 className="font-semibold">{heading}</h3>
        <ul className="list-disc space-y-1 pl-5">
          {agencies.map((agency) => (
            <li key={agency.id}>
              <Link href={`/don-vi/${agency.slug}`} className="text-brand-800 underline underline-offset-4">
                {agency.name}
              </Link>
              {" — "}
              {interpolate(notes[agency.kind], { date: calendarDateText(agency.effectiveOn) })}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <section aria-labelledby="tien-than-ke-thua" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="tien-than-ke-thua" className="text-lg font-semibold">
        {publicProfile.lineageHeading}
      </h2>
      {list(publicProfile.predecessors, lineage.predecessors, publicProfile.predecessorNotes)}
      {list(publicProfile.successors, lineage.successors, publicProfile.successorNotes)}
    </section>
  );
}
