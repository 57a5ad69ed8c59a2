import { ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { rbacApiRef } from '../api/rbac-client.js';
import { DiffView } from './diff-view.js';

/** What publishing the draft would change, and the Publish button. */
export function PublishTab({ canWrite }: { canWrite: boolean }) {
  const client = useApi(rbacApiRef);
  const queries = useQueryClient();
  const [message, setMessage] = useState('');
  const diff = useQuery({ queryKey: ['rbac', 'draft-diff'], queryFn: () => client.diffDraft() });
  const publish = useMutation({
    mutationFn: () => client.publishDraft({ body: message ? { message } : {} }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['rbac'] }),
  });
  if (diff.error) return <ErrorPanel error={diff.error} />;
  if (!diff.data) return <Progress />;
  return (
    <Stack spacing={2}>
      <DiffView diff={diff.data} />
      <TextField size="small" label="Message" value={message} onChange={(e) => setMessage(e.target.value)} />
      <Button
        variant="contained"
        sx={{ alignSelf: 'flex-start' }}
        disabled={!canWrite || publish.isPending}
        onClick={() => publish.mutate()}
      >
        Publish
      </Button>
      {publish.data && <Alert severity="success">Version {publish.data.version} is live.</Alert>}
      {publish.error && <ErrorPanel error={publish.error} title="Not published" />}
    </Stack>
  );
}
