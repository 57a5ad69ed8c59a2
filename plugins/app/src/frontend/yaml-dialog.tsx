import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';

/** Shows the exported layout (app-config.yaml form), or takes one to import. */
export function YamlDialog(props: {
  mode: 'export' | 'import';
  text: string;
  onClose(): void;
  onImport(text: string): void;
}) {
  const [text, setText] = useState(props.text);
  const download = `data:text/yaml;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>{props.mode === 'export' ? 'Layout as app-config.yaml' : 'Import a layout'}</DialogTitle>
      <DialogContent>
        <TextField
          multiline
          fullWidth
          minRows={12}
          label={
            props.mode === 'export'
              ? 'app-config.yaml'
              : 'Paste an app-config.yaml (its app.extensions) or a YAML list'
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          slotProps={{ htmlInput: { readOnly: props.mode === 'export', style: { fontFamily: 'monospace' } } }}
          sx={{ mt: 1 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
        {props.mode === 'export' ? (
          <Button variant="contained" href={download} download="app-config.layout.yaml">
            Download
          </Button>
        ) : (
          <Button variant="contained" onClick={() => props.onImport(text)}>
            Import and save
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
