import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { EntityFacetCount } from '../../common/index.js';
import { VisuallyHidden } from '../components/visually-hidden.js';

/** Props of {@link FacetFilter}. */
export interface FacetFilterProps {
  /** The group's heading and accessible name, e.g. `Owner`. */
  label: string;
  /** Counts per value; `undefined` while loading. */
  counts: readonly EntityFacetCount[] | undefined;
  selected: readonly string[];
  onChange(values: string[]): void;
  /** Display text of a value, e.g. a humanized owner ref. */
  format?: (value: string) => string;
  /** Label of a first choice that stands for no selection (every value), e.g. `All kinds`. */
  allLabel?: string;
}

const collapsedCount = 6;
// Past this many values a find box appears; the list itself never grows past `maxShown`.
const findThreshold = 12;
const maxShown = 100;

const sameValue = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A labelled group of checkboxes, one per value with its count, most common first (after
 * an optional "all" choice). Long lists collapse, and can be searched when expanded;
 * ticked values always stay visible.
 *
 * @example
 * <FacetFilter label="Kind" counts={counts.kind} selected={state.facets.kind} onChange={(v) => setFacet('kind', v)} />
 */
export function FacetFilter({
  label,
  counts,
  selected,
  onChange,
  format = (v) => v,
  allLabel,
}: FacetFilterProps) {
  const headingId = useId();
  const [isExpanded, setExpanded] = useState(false);
  const [find, setFind] = useState('');
  if (counts === undefined) {
    return (
      <Box role="group" aria-labelledby={headingId} aria-busy="true" sx={{ mb: 2 }}>
        <FacetHeading id={headingId} label={label} />
        <Skeleton variant="text" width="70%" />
        <Skeleton variant="text" width="50%" />
      </Box>
    );
  }
  // A ticked value the counts no longer list (e.g. from a shared link) still shows, with 0.
  const missing = selected.filter((value) => !counts.some((c) => sameValue(c.value, value)));
  const all = [...counts, ...missing.map((value) => ({ value, count: 0 }))].sort(
    (a, b) => b.count - a.count || a.value.localeCompare(b.value),
  );
  const isSelected = (value: string) => selected.some((s) => sameValue(s, value));
  const needle = find.trim().toLowerCase();
  const visible = (
    isExpanded
      ? all.filter((c) => !needle || format(c.value).toLowerCase().includes(needle))
      : all.filter((c, index) => index < collapsedCount || isSelected(c.value))
  ).slice(0, maxShown);
  const toggle = (value: string) =>
    onChange(isSelected(value) ? selected.filter((s) => !sameValue(s, value)) : [...selected, value]);
  return (
    <Box role="group" aria-labelledby={headingId} sx={{ mb: 2 }}>
      <FacetHeading id={headingId} label={label} />
      {all.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No values
        </Typography>
      )}
      {isExpanded && all.length > findThreshold && (
        <TextField
          size="small"
          fullWidth
          label={`Find ${label.toLowerCase()}`}
          value={find}
          onChange={(event) => setFind(event.target.value)}
          sx={{ my: 1 }}
        />
      )}
      {allLabel && all.length > 0 && (
        <FacetChoice
          text={allLabel}
          count={counts.reduce((sum, c) => sum + c.count, 0)}
          checked={selected.length === 0}
          onToggle={() => selected.length > 0 && onChange([])}
        />
      )}
      {visible.map(({ value, count }) => (
        <FacetChoice
          key={value}
          text={format(value)}
          count={count}
          checked={isSelected(value)}
          onToggle={() => toggle(value)}
        />
      ))}
      {all.length > collapsedCount && (
        <Button size="small" onClick={() => setExpanded(!isExpanded)} aria-expanded={isExpanded}>
          {isExpanded
            ? `Show fewer ${label.toLowerCase()} values`
            : `Show all ${all.length} ${label.toLowerCase()} values`}
        </Button>
      )}
    </Box>
  );
}

function FacetChoice(props: { text: string; count: number; checked: boolean; onToggle(): void }) {
  const { text, count, checked, onToggle } = props;
  return (
    <FormControlLabel
      sx={{ display: 'flex', mr: 0, '& .MuiFormControlLabel-label': { flexGrow: 1, minWidth: 0 } }}
      control={<Checkbox size="small" checked={checked} onChange={onToggle} />}
      label={
        <Box component="span" sx={{ display: 'flex', gap: 1, fontSize: 14 }}>
          <Box component="span" sx={{ flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {text}
            <VisuallyHidden>{`, ${count} ${count === 1 ? 'entity' : 'entities'}`}</VisuallyHidden>
          </Box>
          <Box component="span" sx={{ color: 'text.secondary' }} aria-hidden="true">
            {count}
          </Box>
        </Box>
      }
    />
  );
}

function FacetHeading({ id, label }: { id: string; label: string }) {
  return (
    <Typography id={id} variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
      {label}
    </Typography>
  );
}
