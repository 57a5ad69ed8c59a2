import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { InstallReview, InstallSource } from '../../common/index.js';
import { ActionError } from './action-error.js';
import { usePluginsMutation } from './use-plugins-mutation.js';

type SourceType = InstallSource['type'];

/** The file's bytes as base64 (the upload source's JSON form), without the data: URL prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read '${file.name}'`));
    reader.readAsDataURL(file);
  });
}

interface SourceFields {
  name: string;
  version: string;
  path: string;
  file: File | undefined;
}

async function sourceOf(type: SourceType, fields: SourceFields): Promise<InstallSource> {
  if (type === 'registry') return { type, name: fields.name.trim(), version: fields.version.trim() };
  if (type === 'folder') return { type, path: fields.path.trim() };
  if (!fields.file) throw new Error('Choose a package tarball (.tgz) to upload');
  return { type, tarball: await readBase64(fields.file) };
}

function SourceInputs(props: {
  type: SourceType;
  fields: SourceFields;
  onChange(fields: SourceFields): void;
}) {
  const { type, fields, onChange } = props;
  if (type === 'registry')
    return (
      <>
        <TextField
          label="Package name"
          placeholder="@acme/tech-radar"
          value={fields.name}
          onChange={(e) => onChange({ ...fields, name: e.target.value })}
          fullWidth
          margin="dense"
        />
        <TextField
          label="Version"
          placeholder="1.0.0"
          value={fields.version}
          onChange={(e) => onChange({ ...fields, version: e.target.value })}
          fullWidth
          margin="dense"
        />
      </>
    );
  if (type === 'folder')
    return (
      <TextField
        label="Folder path"
        helperText="A built plugin package under one of plugins.allowedRoots"
        value={fields.path}
        onChange={(e) => onChange({ ...fields, path: e.target.value })}
        fullWidth
        margin="dense"
      />
    );
  return (
    <Button variant="outlined" component="label" sx={{ mt: 1 }}>
      {fields.file ? fields.file.name : 'Choose tarball…'}
      <input
        hidden
        type="file"
        aria-label="Package tarball"
        accept=".tgz,.tar.gz,application/gzip"
        onChange={(e) => onChange({ ...fields, file: e.target.files?.[0] })}
      />
    </Button>
  );
}

/**
 * Installs a package from the registry, an upload or a folder. The server stores it and
 * answers the review; nothing of the package runs until it is enabled.
 */
export function InstallDialog(props: {
  open: boolean;
  onClose(): void;
  onReviewed(review: InstallReview): void;
}) {
  const [type, setType] = useState<SourceType>('registry');
  const [fields, setFields] = useState<SourceFields>({ name: '', version: '', path: '', file: undefined });
  const install = usePluginsMutation(
    async (client, input: SourceFields) => client.install({ body: { source: await sourceOf(type, input) } }),
    props.onReviewed,
  );
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm" aria-labelledby="install-title">
      <DialogTitle id="install-title">Install a plugin</DialogTitle>
      <DialogContent>
        <Tabs value={type} onChange={(_, next: SourceType) => setType(next)} aria-label="Source">
          <Tab value="registry" label="Registry" />
          <Tab value="upload" label="Upload" />
          <Tab value="folder" label="Folder" />
        </Tabs>
        <SourceInputs type={type} fields={fields} onChange={setFields} />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          You review what the package declares before anything of it runs.
        </Typography>
        <ActionError error={install.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button variant="contained" disabled={install.isPending} onClick={() => install.mutate(fields)}>
          {install.isPending ? 'Installing…' : 'Install and review'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
