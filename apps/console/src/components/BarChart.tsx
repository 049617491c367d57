import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

export interface Bars {
  /** The chart's accessible name, also its caption. */
  name: string;
  /** What a row of the figures table counts ("Members", "Deliveries"). */
  counting: string;
  /** What each bar stands for ("Day", "Role"). */
  by: string;
  bars: { label: string; count: number }[];
  /** Label only every n-th bar on the axis (a month of days), all of them in the table. */
  tickEvery?: number;
}

const width = 560;
const height = 220;
const margin = { top: 10, right: 10, bottom: 40, left: 44 };

/**
 * A bar chart drawn as SVG by visx from the figures, with the same figures as a table beside it: the picture for
 * the eye (`role="img"` with the chart's name), the table for screen readers and for anyone who wants the numbers.
 */
export function BarChart({ name, counting, by, bars, tickEvery = 1 }: Bars) {
  // A few bars stay bar-wide rather than stretching across the chart.
  const x = scaleBand({
    domain: bars.map((bar) => bar.label),
    range: [0, Math.min(width - margin.left - margin.right, bars.length * 96)],
    padding: 0.2,
  });
  const top = Math.max(1, ...bars.map((bar) => bar.count));
  const y = scaleLinear({ domain: [0, top], range: [height - margin.top - margin.bottom, 0], nice: true });
  const ticks = bars.filter((_, index) => index % tickEvery === 0).map((bar) => bar.label);
  return (
    <figure className="chart">
      <figcaption>{name}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={name}>
        <Group left={margin.left} top={margin.top}>
          {bars.map((bar) => (
            <Bar
              key={bar.label}
              x={x(bar.label) ?? 0}
              y={y(bar.count)}
              width={x.bandwidth()}
              height={y(0) - y(bar.count)}
              className="bar"
            >
              <title>{`${bar.label}: ${bar.count}`}</title>
            </Bar>
          ))}
          {/* Counts are whole: no tick at 0.5. */}
          <AxisLeft scale={y} tickValues={y.ticks(4).filter(Number.isInteger)} tickFormat={(value) => String(value)} />
          <AxisBottom top={y(0)} scale={x} tickValues={ticks} />
        </Group>
      </svg>
      <table className="figures" aria-label={`${name}: the figures`}>
        <thead>
          <tr>
            <th scope="col">{by}</th>
            <th scope="col">{counting}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <td>{bar.label}</td>
              <td>{bar.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
