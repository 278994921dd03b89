import type { DailyPoint } from "@/lib/dashboard/overview";
import { formatMoney } from "@/lib/money/format";
import { plural } from "@/lib/ui/plural";

/** A date under its bar; the first and last are aligned to the chart's edges so they are not cut off. */
function DayLabel({ index, count, slot, y, day }: { index: number; count: number; slot: number; y: number; day: string }) {
  const first = index === 0;
  const last = index === count - 1;
  const x = first ? index * slot + 2 : last ? (index + 1) * slot - 2 : index * slot + slot / 2;
  return (
    <text x={x} y={y} textAnchor={first ? "start" : last ? "end" : "middle"} fontSize="11" fill="#475569">
      {day.slice(5)}
    </text>
  );
}

/**
 * Daily volume as bars, drawn in SVG on the server. The same numbers are in a table for screen
 * readers, which skip the picture.
 */
export function VolumeChart({ days, currency }: { days: DailyPoint[]; currency: string }) {
  const width = 720;
  const height = 180;
  const max = Math.max(1, ...days.map((day) => day.volume));
  const slot = width / Math.max(1, days.length);
  const bar = Math.max(2, slot - 4);
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height + 24}`} className="h-auto w-full" aria-hidden="true" focusable="false" data-testid="volume-chart">
        <line x1="0" y1={height} x2={width} y2={height} stroke="#cbd5e1" />
        {days.map((day, index) => {
          const barHeight = Math.round((day.volume / max) * (height - 8));
          return (
            <g key={day.day}>
              <rect x={index * slot + 2} y={height - barHeight} width={bar} height={barHeight} rx="2" fill="#4f46e5">
                <title>{`${day.day}: ${formatMoney(day.volume, currency)} in ${plural(day.count, "payment")}`}</title>
              </rect>
              {(index === days.length - 1 || (index % 7 === 0 && days.length - 1 - index >= 4)) && <DayLabel index={index} count={days.length} slot={slot} y={height + 16} day={day.day} />}
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">
        <table>
          <caption>Daily volume in {currency}, last {days.length} days</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Payments</th>
              <th scope="col">Volume</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <td>{day.day}</td>
                <td>{day.count}</td>
                <td>{formatMoney(day.volume, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
