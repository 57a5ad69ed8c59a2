import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';

/** How the Dependencies tab draws its graph. */
export interface GraphOptions {
  depth: number;
  direction: 'LR' | 'TB';
  showLabels: boolean;
  types: readonly string[];
}

/** Props of {@link GraphControls}. */
export interface GraphControlsProps {
  options: GraphOptions;
  onChange(options: GraphOptions): void;
  /** Shows a status while a new graph loads over the previous one. */
  isRefreshing: boolean;
}

/**
 * The depth, direction and label controls above the relations graph.
 *
 * @example
 * <GraphControls options={options} onChange={setOptions} isRefreshing={false} />
 */
export function GraphControls({ options, onChange, isRefreshing }: GraphControlsProps) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
      <FormControl size="small" sx={{ minWidth: 120 }}>
        <InputLabel id="graph-depth-label">Depth</InputLabel>
        <Select
          labelId="graph-depth-label"
          label="Depth"
          value={options.depth}
          onChange={(event) => onChange({ ...options, depth: Number(event.target.value) })}
        >
          {[1, 2, 3].map((value) => (
            <MenuItem key={value} value={value}>{`${value} ${value === 1 ? 'hop' : 'hops'}`}</MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" sx={{ minWidth: 160 }}>
        <InputLabel id="graph-direction-label">Direction</InputLabel>
        <Select
          labelId="graph-direction-label"
          label="Direction"
          value={options.direction}
          onChange={(event) => onChange({ ...options, direction: event.target.value === 'TB' ? 'TB' : 'LR' })}
        >
          <MenuItem value="LR">Left to right</MenuItem>
          <MenuItem value="TB">Top to bottom</MenuItem>
        </Select>
      </FormControl>
      <FormControlLabel
        control={
          <Switch
            checked={options.showLabels}
            onChange={(e) => onChange({ ...options, showLabels: e.target.checked })}
          />
        }
        label="Relation labels"
      />
      {isRefreshing && (
        <Typography variant="body2" color="text.secondary" role="status">
          Loading…
        </Typography>
      )}
    </Box>
  );
}
