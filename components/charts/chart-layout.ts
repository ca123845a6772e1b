// Sizes and props shared by a chart and its lazy wrapper. Kept apart from the chart so that the
// wrapper, which the page loads, does not import recharts with them.

export type RankingBarDatum = { name: string; percent: number; percentText: string; fill: string };
export type BandThreshold = { label: string; percent: number; fill: string };

export type RankingBarChartProps = {
  data: RankingBarDatum[];
  /** Lower bounds of the bands above 0%, drawn as vertical lines. */
  thresholds: BandThreshold[];
  percentLabel: string;
};

export const BAR_ROW_HEIGHT = 26;
export const BAR_CHART_MARGIN = 48;

export function rankingBarChartHeight(rowCount: number): number {
  return rowCount * BAR_ROW_HEIGHT + BAR_CHART_MARGIN;
}
