import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { scaleLinear, scaleTime } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { ChartFrame, chartMargin } from './chart-frame.js';

/** One line of a {@link TrendChart}. */
export interface TrendSeries {
  name: string;
  /** Points by day (ISO date or date-time), in any order. */
  points: readonly { date: string; value: number }[];
}

/** Props of {@link TrendChart}. */
export interface TrendChartProps {
  label: string;
  series: readonly TrendSeries[];
  /** The value axis' top; the largest value otherwise. */
  maxValue?: number;
  formatValue?: (value: number) => string;
  width?: number;
  height?: number;
}

/**
 * Lines over time, one per series (a track's pass rate, a check's failures), with a legend.
 *
 * @example
 * <TrendChart label="Share passing per track" series={[{ name: 'Basic Health', points }]} maxValue={1} />
 */
export function TrendChart({
  label,
  series,
  maxValue,
  formatValue,
  width = 640,
  height = 220,
}: TrendChartProps) {
  const { palette } = useTheme();
  const colors = [palette.primary.main, palette.secondary.main, palette.warning.main, palette.error.main];
  const times = series.flatMap((s) => s.points.map((p) => Date.parse(p.date)));
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  if (times.length === 0) return <Typography color="text.secondary">No history yet.</Typography>;
  const x = scaleTime<number>({
    domain: [new Date(Math.min(...times)), new Date(Math.max(...times))],
    range: [0, width - chartMargin.left - chartMargin.right],
  });
  const y = scaleLinear<number>({
    domain: [0, maxValue ?? Math.max(1, ...values)],
    range: [height - chartMargin.top - chartMargin.bottom, 0],
    nice: true,
  });
  return (
    <Box>
      <ChartFrame label={label} width={width} height={height} x={x} y={y} formatY={formatValue}>
        {series.map((s, index) => (
          <LinePath
            key={s.name}
            data={[...s.points].sort((a, b) => Date.parse(a.date) - Date.parse(b.date))}
            x={(p) => x(new Date(p.date))}
            y={(p) => y(p.value)}
            stroke={colors[index % colors.length]}
            strokeWidth={2}
          />
        ))}
      </ChartFrame>
      <Box
        component="ul"
        aria-label={`${label} legend`}
        sx={{ display: 'flex', gap: 2, p: 0, m: 0, listStyle: 'none' }}
      >
        {series.map((s, index) => (
          <Box
            component="li"
            key={s.name}
            sx={{ display: 'flex', alignItems: 'center', gap: 0.75, fontSize: 13 }}
          >
            <Box sx={{ width: 12, height: 3, bgcolor: colors[index % colors.length] }} />
            {s.name}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
