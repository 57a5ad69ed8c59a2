import { describeError, Page } from '@atrium/ui';
import { type AppNodeInfo, appTreeApiRef, useApi } from '@atrium/web-kernel';
import {
  Alert,
  Box,
  Button,
  Card,
  CardHeader,
  List,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Layout } from '../common/layout.js';
import { ConfigDialog } from './config-dialog.js';
import {
  type Draft,
  draftEntries,
  groupExtensions,
  kindsOf,
  type LayoutGroup,
  reorder,
  toDraft,
  updateSettings,
} from './draft-layout.js';
import { ExtensionRow } from './extension-row.js';
import { appLayoutApiRef } from './layout-client.js';
import { LayoutPreviewFrame } from './layout-preview-frame.js';
import { YamlDialog } from './yaml-dialog.js';

const KINDS = ['Component', 'API', 'System', 'Domain', 'Resource', 'Group', 'User', 'Template', 'Location'];

function GroupCard(props: {
  group: LayoutGroup;
  effective: Draft;
  kind: string;
  onDraft(update: (draft: Draft) => Draft): void;
  onConfigure(id: string, perKind: boolean): void;
}) {
  const { group, effective, kind } = props;
  const ids = group.items.map((n) => n.id);
  const visible = group.items.filter((node) => {
    const kinds = kindsOf(effective.get(node.id)?.config ?? node.config);
    return (
      !group.perKind ||
      kind === '' ||
      kinds.length === 0 ||
      kinds.some((k) => k.toLowerCase() === kind.toLowerCase())
    );
  });
  const move = (id: string, delta: -1 | 1) => {
    const order = [...ids];
    const at = order.indexOf(id);
    order.splice(at, 1);
    order.splice(at + delta, 0, id);
    props.onDraft((draft) => reorder(draft, order));
  };
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-group={group.key}>
      <CardHeader title={group.title} subheader={group.key.replace('#', ' › ')} />
      <List dense>
        {visible.map((node) => (
          <ExtensionRow
            key={node.id}
            node={node}
            enabled={!(effective.get(node.id)?.disabled ?? !node.isEnabled)}
            kinds={kindsOf(effective.get(node.id)?.config ?? node.config)}
            first={ids.indexOf(node.id) === 0}
            last={ids.indexOf(node.id) === ids.length - 1}
            // The group's order is written with it: a lone new entry would move the extension first.
            onToggle={(enabled) =>
              props.onDraft((draft) => reorder(updateSettings(draft, node.id, { disabled: !enabled }), ids))
            }
            onMove={(delta) => move(node.id, delta)}
            onConfigure={() => props.onConfigure(node.id, group.perKind)}
          />
        ))}
      </List>
    </Card>
  );
}

type Status = { severity: 'success' | 'error'; text: string };

/** The editor's state: the saved layout, the draft, and running an action that returns a layout. */
function useLayoutEditor() {
  const client = useApi(appLayoutApiRef);
  const [layout, setLayout] = useState<Layout>();
  const [draft, setDraft] = useState<Draft>(new Map());
  const [status, setStatus] = useState<Status>();
  const load = useCallback((next: Layout) => {
    setLayout(next);
    setDraft(toDraft(next.overrides));
  }, []);
  const fail = useCallback(
    (e: unknown) => setStatus({ severity: 'error', text: describeError(e).message }),
    [],
  );
  useEffect(() => {
    client.getLayout({}).then(load, fail);
  }, [client, load, fail]);
  const run = async (action: () => Promise<Layout>, done: string) => {
    try {
      load(await action());
      setStatus({ severity: 'success', text: done });
    } catch (e) {
      fail(e);
    }
  };
  return { client, layout, draft, setDraft, status, setStatus, run };
}

type Editor = ReturnType<typeof useLayoutEditor> & { layout: Layout };

function LayoutToolbar(props: {
  editor: Editor;
  kind: string;
  onKind(kind: string): void;
  onYaml(yaml: { mode: 'export' | 'import'; text: string }): void;
}) {
  const { client, layout, draft, setDraft, run } = props.editor;
  const save = () =>
    run(
      () =>
        client.saveLayout({ body: { overrides: draftEntries(draft), expectedRevision: layout.revision } }),
      'Saved: every open app now shows this layout.',
    );
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2 }} flexWrap="wrap">
      <Button variant="contained" onClick={save}>
        Save
      </Button>
      <Button onClick={() => setDraft(toDraft(layout.overrides))}>Discard changes</Button>
      <Button color="warning" onClick={() => run(() => client.resetLayout({}), 'Reset to the config base.')}>
        Reset to base
      </Button>
      <Button
        onClick={async () => props.onYaml({ mode: 'export', text: (await client.exportLayout({})).yaml })}
      >
        Export YAML
      </Button>
      <Button onClick={() => props.onYaml({ mode: 'import', text: '' })}>Import YAML</Button>
      <TextField
        select
        size="small"
        label="Entity kind"
        value={props.kind}
        onChange={(e) => props.onKind(e.target.value)}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value="">Every kind</MenuItem>
        {KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {k}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

function LayoutDialogs(props: {
  editor: Editor;
  node: AppNodeInfo | undefined;
  perKind: boolean;
  config: unknown;
  yaml: { mode: 'export' | 'import'; text: string } | undefined;
  onClose(): void;
}) {
  const { editor, node, yaml, onClose } = props;
  return (
    <>
      {node && (
        <ConfigDialog
          node={node}
          perKind={props.perKind}
          config={props.config as Record<string, unknown>}
          onClose={onClose}
          onSave={(config) => {
            editor.setDraft((d) => updateSettings(d, node.id, { config }));
            onClose();
          }}
        />
      )}
      {yaml && (
        <YamlDialog
          mode={yaml.mode}
          text={yaml.text}
          onClose={onClose}
          onImport={(text) => {
            onClose();
            void editor.run(
              () =>
                editor.client.importLayout({
                  body: { yaml: text, expectedRevision: editor.layout.revision },
                }),
              'Imported and saved.',
            );
          }}
        />
      )}
    </>
  );
}

function LayoutIntro({ layout }: { layout: Layout }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      The config file's app.extensions is the base; what you save here layers on top and reaches every open
      app at once. Revision {layout.revision}
      {layout.updatedBy ? `, saved by ${layout.updatedBy}` : ''}.
    </Typography>
  );
}

/** Administration › Portal layout: the extension tree as groups, a live preview, save, reset, export, import. */
export function LayoutPage() {
  const editor = useLayoutEditor();
  const tree = useApi(appTreeApiRef);
  const nodes = useMemo(() => tree.getNodes(), [tree]);
  const [kind, setKind] = useState('');
  const [configuring, setConfiguring] = useState<{ id: string; perKind: boolean }>();
  const [yaml, setYaml] = useState<{ mode: 'export' | 'import'; text: string }>();
  const { layout, draft, setDraft, status } = editor;
  if (!layout)
    return (
      <Page title="Portal layout">{status && <Alert severity={status.severity}>{status.text}</Alert>}</Page>
    );
  const effective = toDraft(layout.base, draftEntries(draft));
  const node = configuring && nodes.find((n) => n.id === configuring.id);
  return (
    <Page title="Portal layout">
      <LayoutIntro layout={layout} />
      <LayoutToolbar editor={{ ...editor, layout }} kind={kind} onKind={setKind} onYaml={setYaml} />
      {status && (
        <Alert severity={status.severity} sx={{ mb: 2 }} onClose={() => editor.setStatus(undefined)}>
          {status.text}
        </Alert>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
        <Box>
          {groupExtensions(nodes, effective).map((group) => (
            <GroupCard
              key={group.key}
              group={group}
              effective={effective}
              kind={kind}
              onDraft={(update) => setDraft((d) => update(d))}
              onConfigure={(id, perKind) => setConfiguring({ id, perKind })}
            />
          ))}
        </Box>
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            Preview of the draft (only you see it until you save)
          </Typography>
          <LayoutPreviewFrame extensions={[...layout.base, ...draftEntries(draft)]} path="/" />
        </Box>
      </Box>
      <LayoutDialogs
        editor={{ ...editor, layout }}
        node={node || undefined}
        perKind={configuring?.perKind ?? false}
        config={(node && (effective.get(node.id)?.config ?? node.config)) ?? {}}
        yaml={yaml}
        onClose={() => {
          setConfiguring(undefined);
          setYaml(undefined);
        }}
      />
    </Page>
  );
}
