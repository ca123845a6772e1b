import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";
import type { AgencyProfile as AgencyProfileData } from "@/lib/services/get-agency-profile";

import { CriteriaDrillDown } from "./criteria-drill-down";
import { DomainSection } from "./domain-section";
import { HistorySection } from "./history-section";
import { LineageLinks } from "./lineage-links";
import { ProfileHeader } from "./profile-header";

/** An agency's public profile (/don-vi/[slug]): server-rendered, no client JavaScript but the charts. */
export function AgencyProfile({ profile }: { profile: AgencyProfileData }) {
  const { publicProfile } = getMessages("vi");
  const { detail } = profile;
  return (
    <article className="space-y-8">
      <ProfileHeader profile={profile} />
      <LineageLinks lineage={profile.lineage} />
      {profile.history.length > 0 ? <HistorySection agencyName={profile.agency.name} history={profile.history} /> : null}
      {detail && detail.domains ? (
        <>
          <DomainSection agencyName={profile.agency.name} detail={{ ...detail, domains: detail.domains }} />
          <CriteriaDrillDown year={detail.year} precision={detail.precision} domains={detail.domains} />
        </>
      ) : null}
      {detail && !detail.domains ? (
        <p role="note" className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          {interpolate(publicProfile.noScores, { year: detail.year })}
        </p>
      ) : null}
    </article>
  );
}
