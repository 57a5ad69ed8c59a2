import { ErrorPanel, Page, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import { Button, Tab, Tabs } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RbacPolicy } from '../common/index.js';
import { type RbacClient, rbacApiRef } from './api/rbac-client.js';
import { HistoryTab } from './history/history-tab.js';
import { PublishTab } from './publish/publish-tab.js';
import type { EditorData } from './roles/editor-data.js';
import { RolesTab } from './roles/roles-tab.js';

async function loadEditor(client: RbacClient) {
  const [access, draft, permissions, conditions, members] = await Promise.all([
    client.getAccess(),
    client.getDraft(),
    client.listPermissions(),
    client.listConditions(),
    client.listMemberCandidates(),
  ]);
  const data: EditorData = { ...permissions, ...conditions, members };
  return { access, draft, data };
}

async function downloadExport(client: RbacClient) {
  const response = await client.exportPolicy();
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'rbac-policy.yaml';
  link.click();
  URL.revokeObjectURL(url);
}

/** Administration › Access control: roles of the draft, publishing with a diff, version history, export. */
export function RbacPage() {
  const client = useApi(rbacApiRef);
  const queries = useQueryClient();
  const [tab, setTab] = useState(0);
  const editor = useQuery({ queryKey: ['rbac', 'editor'], queryFn: () => loadEditor(client), retry: false });
  const save = async (policy: RbacPolicy) => {
    await client.updateDraft({ body: { policy } });
    await queries.invalidateQueries({ queryKey: ['rbac', 'draft-diff'] });
  };
  const exportButton = <Button onClick={() => void downloadExport(client)}>Export YAML</Button>;
  return (
    <Page
      title="Access control"
      overline="Administration"
      subtitle="Roles, the draft policy and its published versions"
      actions={exportButton}
    >
      {editor.error && <ErrorPanel error={editor.error} />}
      {!editor.data && !editor.error && <Progress />}
      {editor.data && (
        <>
          <Tabs value={tab} onChange={(_, value: number) => setTab(value)} sx={{ mb: 2 }}>
            <Tab label="Roles" />
            <Tab label="Publish" />
            <Tab label="History" />
          </Tabs>
          {tab === 0 && (
            <RolesTab
              draft={editor.data.draft.policy}
              data={editor.data.data}
              canWrite={editor.data.access.canWrite}
              onSave={save}
            />
          )}
          {tab === 1 && <PublishTab canWrite={editor.data.access.canWrite} />}
          {tab === 2 && <HistoryTab canWrite={editor.data.access.canWrite} />}
        </>
      )}
    </Page>
  );
}
