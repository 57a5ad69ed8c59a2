import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { scaleLinear, scaleTime } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { ChartFrame, chartMargin } from './chart-frame.js';

/** Props of {@link BurnDownChart}. */
export interface BurnDownChartProps {
  label: string;
  /** Campaign start and target completion dates (ISO). */
  startDate: string;
  targetDate: string;
  /** Entities in scope, which the ideal line starts from. */
  total: number;
  /** Entities not yet done, per day (ISO), in any order. */
  remaining: readonly { date: string; value: number }[];
  /** "Today" marker; the current time by default. */
  now?: Date;
  width?: number;
  height?: number;
}

/**
 * A campaign's burn-down: entities still to fix over time against the straight line
 * from everyone at the start to no one on the target date, with a marker for today.
 *
 * @example
 * <BurnDownChart label="Q3 hygiene burn-down" startDate="2026-07-01" targetDate="2026-09-30" total={40} remaining={points} />
 */
export function BurnDownChart(props: BurnDownChartProps) {
  const { label, startDate, targetDate, total, remaining, width = 640, height = 220 } = props;
  const { palette } = useTheme();
  const now = props.now ?? new Date();
  const start = new Date(startDate);
  const target = new Date(targetDate);
  const last = Math.max(target.getTime(), ...remaining.map((p) => Date.parse(p.date)));
  const x = scaleTime<number>({
    domain: [start, new Date(last)],
    range: [0, width - chartMargin.left - chartMargin.right],
  });
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, total, ...remaining.map((p) => p.value))],
    range: [height - chartMargin.top - chartMargin.bottom, 0],
    nice: true,
  });
  const actual = [...remaining].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const isNowShown = now >= start && now.getTime() <= last;
  return (
    <Box>
      <ChartFrame label={label} width={width} height={height} x={x} y={y}>
        <LinePath
          data={[
            { t: start, v: total },
            { t: target, v: 0 },
          ]}
          x={(p) => x(p.t)}
          y={(p) => y(p.v)}
          stroke={palette.text.secondary}
          strokeDasharray="4 4"
        />
        {isNowShown && (
          <line
            x1={x(now)}
            x2={x(now)}
            y1={0}
            y2={y(0)}
            stroke={palette.warning.main}
            strokeDasharray="2 3"
          />
        )}
        <LinePath
          data={actual}
          x={(p) => x(new Date(p.date))}
          y={(p) => y(p.value)}
          stroke={palette.primary.main}
          strokeWidth={2}
        />
      </ChartFrame>
    </Box>
  );
}
