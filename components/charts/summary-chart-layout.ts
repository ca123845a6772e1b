// Props and sizes of the year summary's band distribution chart, shared by the chart and its lazy
// wrapper. Kept apart from the chart so that the wrapper, which the page loads, does not import
// recharts with them.

/** One band as a stacked segment: `key` names it in each row's values. */
export type BandSeries = { key: string; label: string; fill: string };

/** One unit type: each band's share of its ranked agencies (0–100) and the text the tooltip shows. */
export type BandDistributionDatum = { name: string; shares: Record<string, number>; texts: Record<string, string> };

export type BandDistributionChartProps = {
  data: BandDistributionDatum[];
  /** Top band first: stacked from the left in that order. */
  series: BandSeries[];
  shareLabel: string;
};

const ROW_HEIGHT = 56;
/** Axis, margins and the legend (two lines of band labels on a narrow screen). */
const CHART_CHROME = 120;

export function bandDistributionChartHeight(rowCount: number): number {
  return rowCount * ROW_HEIGHT + CHART_CHROME;
}
