import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { BackendPluginStatus } from '../../common/index.js';

const colors = { serving: 'success', stopped: 'default', failed: 'error', pending: 'warning' } as const;

/** One chip per backend: what it serves of this plugin, with the reason when it failed. */
export function BackendStatusChips({ backends }: { backends: readonly BackendPluginStatus[] }) {
  if (backends.length === 0) return <>no backend reported yet</>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {backends.map((b) => {
        const label = `${b.backendId}: ${b.state}${b.version ? ` ${b.version}` : ''}`;
        return (
          <Tooltip key={b.backendId} title={b.error ?? `updated ${new Date(b.updatedAt).toLocaleString()}`}>
            <Chip size="small" variant="outlined" color={colors[b.state]} label={label} aria-label={label} />
          </Tooltip>
        );
      })}
    </Box>
  );
}
