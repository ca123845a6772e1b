"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { domainComparisonChartHeight, type DomainComparisonChartProps, type DomainComparisonDatum } from "./agency-chart-layout";

function shortName(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

/** Grouped horizontal bars per domain: the agency's % beside its unit type's average %. */
export default function DomainComparisonChart({ data, agencyLabel, averageLabel }: DomainComparisonChartProps) {
  return (
    <ResponsiveContainer width="100%" height={domainComparisonChartHeight(data.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barGap={2}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} unit="%" />
        <YAxis type="category" dataKey="name" width={170} tickFormatter={shortName} interval={0} tick={{ fontSize: 11 }} />
        <Tooltip
          formatter={(_value, name, item) => {
            const datum = item.payload as DomainComparisonDatum;
            return name === agencyLabel ? [datum.agencyText, agencyLabel] : [datum.averageText, averageLabel];
          }}
        />
        <Legend />
        <Bar dataKey="agency" name={agencyLabel} fill="#0b4f8a" isAnimationActive={false} />
        <Bar dataKey="average" name={averageLabel} fill="#94a3b8" stroke="#475569" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
