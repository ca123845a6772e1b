"use client";

import dynamic from "next/dynamic";

import { domainComparisonChartHeight, type DomainComparisonChartProps } from "./agency-chart-layout";
import { WhenVisible } from "./when-visible";

// recharts is fetched only when the chart scrolls into view (WhenVisible), never with the page.
const DomainComparisonChart = dynamic(() => import("./domain-comparison-chart"), { ssr: false });

export function LazyDomainComparisonChart(props: DomainComparisonChartProps & { placeholder: string }) {
  const { placeholder, ...chart } = props;
  return (
    <WhenVisible minHeight={domainComparisonChartHeight(chart.data.length)} placeholder={<p className="p-4 text-sm text-slate-600">{placeholder}</p>}>
      <DomainComparisonChart {...chart} />
    </WhenVisible>
  );
}
