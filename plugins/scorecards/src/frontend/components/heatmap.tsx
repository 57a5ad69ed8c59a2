import Box from '@mui/material/Box';
import { alpha, useTheme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';

/** One cell of a {@link Heatmap}. */
export interface HeatmapCell {
  /** 0 (nothing meets the standard) to 1 (everything does). */
  value: number;
  /** What the cell says, e.g. `80 %` or `12/15`. */
  text: string;
  /** Longer text on hover, e.g. counts per level. */
  title?: string;
}

/** Props of {@link Heatmap}. */
export interface HeatmapProps {
  /** Accessible name of the table. */
  label: string;
  /** Header of the row-label column. */
  rowHeader: string;
  rows: readonly { key: string; label: ReactNode }[];
  columns: readonly { key: string; label: string }[];
  /** The cell of a row and column; `undefined` when the column does not apply to the row. */
  cell: (rowKey: string, columnKey: string) => HeatmapCell | undefined;
}

/**
 * A table whose cells are shaded from the theme's error colour (0) through warning to
 * success (1), with the value as text so the colour is never the only cue.
 *
 * @example
 * <Heatmap label="Tracks by team" rowHeader="Team" rows={teams} columns={tracks} cell={(t, c) => cells[t]?.[c]} />
 */
export function Heatmap({ label, rowHeader, rows, columns, cell }: HeatmapProps) {
  const { palette } = useTheme();
  const shade = (value: number) => {
    const color =
      value >= 0.8 ? palette.success.main : value >= 0.5 ? palette.warning.main : palette.error.main;
    return alpha(color, palette.mode === 'dark' ? 0.35 : 0.22);
  };
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>{rowHeader}</TableCell>
            {columns.map((column) => (
              <TableCell key={column.key} align="center">
                {column.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              {columns.map((column) => {
                const value = cell(row.key, column.key);
                return (
                  <TableCell key={column.key} align="center" sx={{ p: 0.5 }}>
                    {value ? (
                      <Box
                        title={value.title}
                        data-value={value.value.toFixed(2)}
                        sx={{ bgcolor: shade(value.value), borderRadius: 1, py: 0.75, fontWeight: 600 }}
                      >
                        {value.text}
                      </Box>
                    ) : (
                      <Box sx={{ color: 'text.secondary' }}>–</Box>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
