import { CodeBlock, ErrorPanel, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useQuery } from '@tanstack/react-query';
import { scorecardsApiRef } from '../api/scorecards-api-ref.js';

/** Props of {@link YamlExportDialog}. */
export interface YamlExportDialogProps {
  kind: 'check' | 'track' | 'campaign';
  /** Only these definitions; all of the kind otherwise. */
  ids?: string[];
  onClose: () => void;
}

/** Shows definitions as YAML (from `GET /export`), to copy into a file in git. */
export function YamlExportDialog({ kind, ids, onClose }: YamlExportDialogProps) {
  const client = useApi(scorecardsApiRef);
  const yaml = useQuery({
    queryKey: ['scorecards', 'export', kind, ids],
    queryFn: () => client.exportDefinitions({ query: { kind, ids } }),
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="export-title">
      <DialogTitle id="export-title">
        {ids?.length === 1 ? `${ids[0]} as YAML` : `All ${kind}s as YAML`}
      </DialogTitle>
      <DialogContent>
        {yaml.error && <ErrorPanel error={yaml.error} />}
        {!yaml.data && !yaml.error && <Progress />}
        {yaml.data && <CodeBlock language="yaml" code={yaml.data.yaml} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
