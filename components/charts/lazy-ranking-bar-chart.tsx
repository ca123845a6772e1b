"use client";

import dynamic from "next/dynamic";

import { rankingBarChartHeight, type RankingBarChartProps } from "./chart-layout";
import { WhenVisible } from "./when-visible";

// recharts is fetched only when the chart scrolls into view (WhenVisible), never with the page.
const RankingBarChart = dynamic(() => import("./ranking-bar-chart"), { ssr: false });

export function LazyRankingBarChart(props: RankingBarChartProps & { placeholder: string }) {
  const { placeholder, ...chart } = props;
  return (
    <WhenVisible minHeight={rankingBarChartHeight(chart.data.length)} placeholder={<p className="p-4 text-sm text-slate-600">{placeholder}</p>}>
      <RankingBarChart {...chart} />
    </WhenVisible>
  );
}
