import { ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { Button, List, ListItem, ListItemText, Stack } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { rbacApiRef } from '../api/rbac-client.js';
import { DiffView } from '../publish/diff-view.js';

function VersionDiff({ version }: { version: number }) {
  const client = useApi(rbacApiRef);
  const diff = useQuery({
    queryKey: ['rbac', 'version-diff', version],
    queryFn: () => client.diffVersion({ params: { version }, query: {} }),
  });
  if (diff.error) return <ErrorPanel error={diff.error} />;
  return diff.data ? <DiffView diff={diff.data} /> : <Progress />;
}

/** Every published version, newest first, each with its changes and a Restore button. */
export function HistoryTab({ canWrite }: { canWrite: boolean }) {
  const client = useApi(rbacApiRef);
  const queries = useQueryClient();
  const [open, setOpen] = useState<number | undefined>();
  const versions = useQuery({ queryKey: ['rbac', 'versions'], queryFn: () => client.listVersions() });
  const restore = useMutation({
    mutationFn: (version: number) => client.restoreVersion({ params: { version } }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['rbac'] }),
  });
  if (versions.error) return <ErrorPanel error={versions.error} />;
  if (!versions.data) return <Progress />;
  const live = versions.data.items[0]?.version;
  return (
    <List aria-label="Versions">
      {versions.data.items.map((v) => (
        <ListItem key={v.version} sx={{ display: 'block' }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ListItemText
              primary={`Version ${v.version}${v.version === live ? ' (live)' : ''}`}
              secondary={`${v.publishedAt} by ${v.publishedBy} (${v.source})${v.message ? ` — ${v.message}` : ''}`}
            />
            <Button onClick={() => setOpen(open === v.version ? undefined : v.version)}>Changes</Button>
            {v.version !== live && (
              <Button disabled={!canWrite || restore.isPending} onClick={() => restore.mutate(v.version)}>
                Restore
              </Button>
            )}
          </Stack>
          {open === v.version && <VersionDiff version={v.version} />}
        </ListItem>
      ))}
      {restore.error && <ErrorPanel error={restore.error} title="Not restored" />}
    </List>
  );
}
