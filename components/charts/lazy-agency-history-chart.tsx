"use client";

import dynamic from "next/dynamic";

import { AGENCY_HISTORY_CHART_HEIGHT, type AgencyHistoryChartProps } from "./agency-chart-layout";
import { WhenVisible } from "./when-visible";

// recharts is fetched only when the chart scrolls into view (WhenVisible), never with the page.
const AgencyHistoryChart = dynamic(() => import("./agency-history-chart"), { ssr: false });

export function LazyAgencyHistoryChart(props: AgencyHistoryChartProps & { placeholder: string }) {
  const { placeholder, ...chart } = props;
  return (
    <WhenVisible minHeight={AGENCY_HISTORY_CHART_HEIGHT} placeholder={<p className="p-4 text-sm text-slate-600">{placeholder}</p>}>
      <AgencyHistoryChart {...chart} />
    </WhenVisible>
  );
}
