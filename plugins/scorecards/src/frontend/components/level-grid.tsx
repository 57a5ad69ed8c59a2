import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { EntityLink } from './entity-link.js';
import { LevelBadge, type LevelLike } from './level-badge.js';

/** A track as a column of the {@link LevelGrid}. */
export interface LevelGridTrack {
  id: string;
  name: string;
  levels: readonly LevelLike[];
}

/** An entity as a row of the {@link LevelGrid}. */
export interface LevelGridRow {
  entityRef: string;
  title?: string;
  /** Level reached per track id: a level, `null` for not certified, absent when the track does not apply. */
  levels: Readonly<Record<string, LevelLike | null | undefined>>;
}

/** Props of {@link LevelGrid}. */
export interface LevelGridProps {
  label: string;
  tracks: readonly LevelGridTrack[];
  rows: readonly LevelGridRow[];
}

/**
 * Entities × tracks, each cell the level the entity reached; each entity links to its
 * Scorecards tab.
 *
 * @example
 * <LevelGrid label="Levels of team-a's entities" tracks={tracks} rows={rows} />
 */
export function LevelGrid({ label, tracks, rows }: LevelGridProps) {
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Entity</TableCell>
            {tracks.map((track) => (
              <TableCell key={track.id}>{track.name}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.entityRef} hover>
              <TableCell component="th" scope="row">
                <EntityLink entityRef={row.entityRef} title={row.title} tab="/scorecards" />
              </TableCell>
              {tracks.map((track) => {
                const level = row.levels[track.id];
                return (
                  <TableCell key={track.id}>
                    {level === undefined ? (
                      '–'
                    ) : (
                      <LevelBadge level={level ?? undefined} levels={track.levels} />
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
