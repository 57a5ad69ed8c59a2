import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { InstallReview } from '../../common/index.js';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

function Chips({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <>none</>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((value) => (
        <Chip key={value} size="small" variant="outlined" label={value} />
      ))}
    </Box>
  );
}

/**
 * What a package declares, read from its `atrium` field without running it: the review an
 * admin reads before enabling (installing code gives it the backend's full trust).
 */
export function DeclarationList({ review }: { review: InstallReview }) {
  const d = review.declaration;
  const keys = d.configKeys.map((k) => (k.type ? `${k.key} (${k.type})` : k.key));
  return (
    <Box
      component="dl"
      aria-label={`Declarations of ${d.packageName}@${d.version}`}
      sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 1 }}
    >
      <Item label="Package">{`${d.packageName}@${d.version}`}</Item>
      {d.description && <Item label="Description">{d.description}</Item>}
      <Item label="Kind">
        {d.role === 'module' ? `module of '${d.pluginId ?? '?'}'` : 'plugin'}
        {` (${[d.hasBackend && 'backend', d.hasFrontend && 'frontend'].filter(Boolean).join(' + ') || 'nothing to run'})`}
      </Item>
      <Item label="Host API">{`needs ${d.hostApi}; this portal is ${review.hostApiVersion}`}</Item>
      <Item label="Routes">{d.routes ?? 'none'}</Item>
      <Item label="Permissions">
        <Chips values={d.permissions} />
      </Item>
      <Item label="Config keys">
        <Chips values={keys} />
      </Item>
      <Item label="Extension points provided">
        <Chips values={d.extensionPoints.provides} />
      </Item>
      <Item label="Extension points extended">
        <Chips values={d.extensionPoints.extends} />
      </Item>
      <Item label="Migrations">{d.migrations ? 'yes (run when enabled)' : 'none'}</Item>
      <Item label="Integrity">
        <code>{review.integrity}</code>
      </Item>
    </Box>
  );
}
