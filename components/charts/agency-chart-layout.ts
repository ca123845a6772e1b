// Props and sizes of the agency profile's charts, shared by each chart and its lazy wrapper. Kept
// apart from the charts so that the wrappers, which the page loads, do not import recharts.

/** One published year of an agency: its index % and rank (null when it was not ranked). */
export type AgencyHistoryDatum = { year: string; percent: number; percentText: string; rank: number | null; rankText: string };

export type AgencyHistoryChartProps = {
  data: AgencyHistoryDatum[];
  /** The largest number of ranked agencies in any of the years: the bottom of the rank axis. */
  maxRank: number;
  percentLabel: string;
  rankLabel: string;
};

export const AGENCY_HISTORY_CHART_HEIGHT = 280;

/** One domain: the agency's % and its unit type's average % (null when the domain did not count). */
export type DomainComparisonDatum = {
  name: string;
  agency: number | null;
  agencyText: string;
  average: number | null;
  averageText: string;
};

export type DomainComparisonChartProps = {
  data: DomainComparisonDatum[];
  agencyLabel: string;
  averageLabel: string;
};

const DOMAIN_ROW_HEIGHT = 52;
const DOMAIN_CHART_MARGIN = 72;

export function domainComparisonChartHeight(domainCount: number): number {
  return domainCount * DOMAIN_ROW_HEIGHT + DOMAIN_CHART_MARGIN;
}
