"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { rankingBarChartHeight, type RankingBarChartProps, type RankingBarDatum } from "./chart-layout";

function shortName(name: string): string {
  return name.length > 30 ? `${name.slice(0, 29)}…` : name;
}

/** Index % by agency, one horizontal bar each in the table's order, coloured by band. */
export default function RankingBarChart({ data, thresholds, percentLabel }: RankingBarChartProps) {
  return (
    <ResponsiveContainer width="100%" height={rankingBarChartHeight(data.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 24, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} unit="%" />
        <YAxis type="category" dataKey="name" width={190} tickFormatter={shortName} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(_value, _name, item) => [(item.payload as RankingBarDatum).percentText, percentLabel]} />
        <Bar dataKey="percent" isAnimationActive={false}>
          {data.map((datum) => (
            <Cell key={datum.name} fill={datum.fill} />
          ))}
        </Bar>
        {thresholds.map((threshold) => (
          <ReferenceLine
            key={threshold.label}
            x={threshold.percent}
            stroke={threshold.fill}
            strokeDasharray="4 2"
            label={{ value: threshold.label, position: "top", fontSize: 11, fill: "#0f172a" }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
