"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { AGENCY_HISTORY_CHART_HEIGHT, type AgencyHistoryChartProps, type AgencyHistoryDatum } from "./agency-chart-layout";

/**
 * An agency's index % (left axis) and rank (right axis, reversed: rank 1 at the top) per published
 * year. The two lines differ by dash and marker as well as colour.
 */
export default function AgencyHistoryChart({ data, maxRank, percentLabel, rankLabel }: AgencyHistoryChartProps) {
  return (
    <ResponsiveContainer width="100%" height={AGENCY_HISTORY_CHART_HEIGHT}>
      <LineChart data={data} margin={{ top: 16, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="year" />
        <YAxis yAxisId="percent" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} unit="%" width={56} />
        <YAxis yAxisId="rank" orientation="right" reversed domain={[1, Math.max(maxRank, 2)]} allowDecimals={false} width={36} />
        <Tooltip
          formatter={(_value, name, item) => {
            const datum = item.payload as AgencyHistoryDatum;
            return name === percentLabel ? [datum.percentText, percentLabel] : [datum.rankText, rankLabel];
          }}
        />
        <Legend />
        <Line yAxisId="percent" type="linear" dataKey="percent" name={percentLabel} stroke="#0b4f8a" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
        <Line
          yAxisId="rank"
          type="linear"
          dataKey="rank"
          name={rankLabel}
          stroke="#b45309"
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={{ r: 4, strokeWidth: 2, fill: "#fff" }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
