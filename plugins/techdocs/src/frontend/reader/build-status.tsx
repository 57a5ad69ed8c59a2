import { Alert, Box, Button, Chip, Collapse, Typography } from '@mui/material';
import { useState } from 'react';
import type { Site } from '../../common/index.js';

const COLORS = { built: 'success', failed: 'error', building: 'info', pending: 'default' } as const;

/** Props of {@link BuildStatus}. */
export interface BuildStatusProps {
  site: Site;
  /** Lines of a build running from this page. */
  liveLog: string[];
  syncing: boolean;
  onRebuild(): void;
}

/** The build's state, its log (warnings included) and a button that rebuilds. */
export function BuildStatus({ site, liveLog, syncing, onRebuild }: BuildStatusProps) {
  const [open, setOpen] = useState(false);
  const log = liveLog.length > 0 ? liveLog : site.log;
  const warnings = site.log.filter((l) => l.startsWith('warning:')).length;
  const built = site.buildTimestamp ? new Date(site.buildTimestamp).toLocaleString() : 'never';
  return (
    <Box sx={{ my: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          label={`Build: ${syncing ? 'building' : site.status}`}
          color={syncing ? 'info' : COLORS[site.status]}
        />
        <Typography variant="caption">
          Built {built}
          {warnings > 0 ? ` · ${warnings} warnings` : ''}
        </Typography>
        <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide build log' : 'Show build log'}
        </Button>
        <Button size="small" onClick={onRebuild} disabled={syncing}>
          Rebuild
        </Button>
      </Box>
      {site.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          The last build failed: {site.error}
        </Alert>
      )}
      <Collapse in={open}>
        <Box
          component="pre"
          aria-label="Build log"
          sx={{ fontSize: 12, bgcolor: 'action.hover', p: 1, maxHeight: 240, overflow: 'auto' }}
        >
          {log.join('\n') || 'No log yet.'}
        </Box>
      </Collapse>
    </Box>
  );
}
