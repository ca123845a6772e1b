"use client";

import dynamic from "next/dynamic";

import { bandDistributionChartHeight, type BandDistributionChartProps } from "./summary-chart-layout";
import { WhenVisible } from "./when-visible";

// recharts is fetched only when the chart scrolls into view (WhenVisible), never with the page.
const BandDistributionChart = dynamic(() => import("./band-distribution-chart"), { ssr: false });

export function LazyBandDistributionChart(props: BandDistributionChartProps & { placeholder: string }) {
  const { placeholder, ...chart } = props;
  return (
    <WhenVisible minHeight={bandDistributionChartHeight(chart.data.length)} placeholder={<p className="p-4 text-sm text-slate-600">{placeholder}</p>}>
      <BandDistributionChart {...chart} />
    </WhenVisible>
  );
}
