import type { AppNodeInfo } from '@atrium/web-kernel';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { kindsOf } from './draft-layout.js';

type Property = { type?: string | string[]; description?: string };

// A field per top-level property: text for strings and numbers, JSON for the rest.
function fieldsOf(schema: Record<string, unknown> | undefined): [string, Property][] {
  const properties = (schema?.properties ?? {}) as Record<string, Property>;
  return Object.entries(properties);
}

const isText = (p: Property) => p.type === 'string' || p.type === 'number' || p.type === 'integer';

function toText(value: unknown, property: Property): string {
  if (value === undefined) return '';
  return isText(property) ? String(value) : JSON.stringify(value);
}

function fromText(text: string, property: Property, name: string): unknown {
  if (text.trim() === '') return undefined;
  if (property.type === 'string') return text;
  if (property.type === 'number' || property.type === 'integer') {
    const n = Number(text);
    if (Number.isNaN(n)) throw new Error(`${name} must be a number`);
    return n;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${name} must be JSON, e.g. ${property.type === 'boolean' ? 'true' : '{ }'}`);
  }
}

/** The config the form's fields say; throws naming a field that does not parse. */
function buildConfig(form: {
  fields: [string, Property][];
  values: Record<string, string>;
  kinds: string;
  config: Record<string, unknown>;
  perKind: boolean;
}): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const [name, p] of form.fields) {
    const value = fromText(form.values[name] ?? '', p, name);
    if (value !== undefined) next[name] = value;
  }
  if (!form.perKind) return next;
  const list = form.kinds
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const filter = { ...((form.config.filter as Record<string, unknown> | undefined) ?? {}) };
  if (list.length > 0) filter.kind = list;
  else delete filter.kind;
  if (Object.keys(filter).length > 0) next.filter = filter;
  else delete next.filter;
  return next;
}

/** Props of {@link ConfigDialog}. */
export interface ConfigDialogProps {
  node: AppNodeInfo;
  config: Record<string, unknown>;
  /** Entity tabs and cards: offers the kinds field (`filter.kind`). */
  perKind: boolean;
  onClose(): void;
  onSave(config: Record<string, unknown>): void;
}

/** Edits an extension's config with a field per property of its config schema. */
export function ConfigDialog({ node, config, perKind, onClose, onSave }: ConfigDialogProps) {
  const fields = fieldsOf(node.configSchema);
  const [values, setValues] = useState(() =>
    Object.fromEntries(fields.map(([name, p]) => [name, toText(config[name], p)])),
  );
  const [kinds, setKinds] = useState(kindsOf(config).join(', '));
  const [error, setError] = useState<string>();
  const save = () => {
    try {
      onSave(buildConfig({ fields, values, kinds, config, perKind }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>Configure {node.id}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {perKind && (
            <TextField
              label="Entity kinds"
              helperText="Show it only for these kinds (comma-separated, e.g. Component, API); empty: every kind"
              value={kinds}
              onChange={(e) => setKinds(e.target.value)}
            />
          )}
          {fields
            .filter(([name]) => !(perKind && name === 'filter'))
            .map(([name, p]) => (
              <TextField
                key={name}
                label={name}
                helperText={p.description ?? (isText(p) ? undefined : 'JSON')}
                value={values[name] ?? ''}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              />
            ))}
          {error && <p role="alert">{error}</p>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save}>
          Apply to draft
        </Button>
      </DialogActions>
    </Dialog>
  );
}
