"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { bandDistributionChartHeight, type BandDistributionChartProps, type BandDistributionDatum } from "./summary-chart-layout";

/** One horizontal bar per unit type, its ranked agencies split by band (shares stacked to 100%). */
export default function BandDistributionChart({ data, series, shareLabel }: BandDistributionChartProps) {
  return (
    <ResponsiveContainer width="100%" height={bandDistributionChartHeight(data.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" />
        <YAxis type="category" dataKey="name" width={110} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip
          formatter={(_value, name, item) => {
            const datum = item.payload as BandDistributionDatum;
            const band = series.find((candidate) => candidate.label === name);
            return [band ? (datum.texts[band.key] ?? "") : "", String(name)];
          }}
          labelFormatter={(label) => `${String(label)} — ${shareLabel}`}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((band) => (
          <Bar key={band.key} name={band.label} dataKey={(datum: BandDistributionDatum) => datum.shares[band.key] ?? 0} stackId="share" fill={band.fill} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
