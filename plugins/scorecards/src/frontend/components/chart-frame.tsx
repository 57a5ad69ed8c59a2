import { useTheme } from '@mui/material/styles';
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import type { scaleLinear, scaleTime } from '@visx/scale';
import type { ReactNode } from 'react';

/** Space around the plot for the axes, in SVG units. */
export const chartMargin = { top: 12, right: 16, bottom: 28, left: 44 };

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  /** What the chart shows, read by screen readers (the SVG is one image). */
  label: string;
  width: number;
  height: number;
  x: ReturnType<typeof scaleTime<number>>;
  y: ReturnType<typeof scaleLinear<number>>;
  formatY?: (value: number) => string;
  children: ReactNode;
}

const shortDate = (value: Date | { valueOf(): number }) =>
  new Date(value.valueOf()).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * An SVG with themed time and value axes around a plot; the plot's marks are its children,
 * drawn in plot coordinates. Scales to its container's width (viewBox).
 */
export function ChartFrame({ label, width, height, x, y, formatY, children }: ChartFrameProps) {
  const { palette, typography } = useTheme();
  const tickLabel = { fill: palette.text.secondary, fontSize: 11, fontFamily: typography.fontFamily };
  const plotHeight = height - chartMargin.top - chartMargin.bottom;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
    >
      <Group left={chartMargin.left} top={chartMargin.top}>
        {y.ticks(4).map((tick) => (
          <line key={tick} x1={0} x2={x.range()[1]} y1={y(tick)} y2={y(tick)} stroke={palette.divider} />
        ))}
        {children}
        <AxisLeft
          scale={y}
          numTicks={4}
          stroke={palette.divider}
          tickStroke={palette.divider}
          tickFormat={(value) => (formatY ? formatY(Number(value)) : String(value))}
          tickLabelProps={() => ({ ...tickLabel, textAnchor: 'end', dx: -4, dy: 3 })}
        />
        <AxisBottom
          top={plotHeight}
          scale={x}
          numTicks={Math.max(2, Math.floor(width / 110))}
          stroke={palette.divider}
          tickStroke={palette.divider}
          tickFormat={(value) => shortDate(value)}
          tickLabelProps={() => ({ ...tickLabel, textAnchor: 'middle' })}
        />
      </Group>
    </svg>
  );
}
