import type { TPublicationSnapshot } from "@/lib/domain/publication-snapshot";
import { interpolate } from "@/lib/i18n/format";
import { getMessages } from "@/lib/i18n/messages";

import { RankingTable } from "./ranking-table";

type PublishedRankingProps = {
  snapshot: TPublicationSnapshot;
  /** Prefixes the headings' ids, for a page that shows two rankings (the admin's current and draft). */
  idPrefix?: string;
};

/**
 * A published year's ranking, one section per unit type: what the home page shows, and what the
 * administrator previews before publishing — one component, so the preview is the public page.
 */
export function PublishedRanking({ snapshot, idPrefix = "unit-type" }: PublishedRankingProps) {
  const { home } = getMessages("vi");
  return snapshot.unitTypes.map((unitType) => (
    <section key={unitType.unitTypeId} aria-labelledby={`${idPrefix}-${unitType.unitTypeId}`} className="space-y-2">
      <h2 id={`${idPrefix}-${unitType.unitTypeId}`} className="text-xl font-semibold">
        {unitType.unitTypeName}{" "}
        <span className="text-base font-normal text-slate-600">({interpolate(home.agencyCount, { count: unitType.rows.length })})</span>
      </h2>
      <RankingTable
        caption={interpolate(home.unitTypeCaption, { unitType: unitType.unitTypeName, year: snapshot.year })}
        rows={unitType.rows}
        precision={snapshot.precision}
      />
    </section>
  ));
}
