import { DataTable, EmptyState, Page, useTableState } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { InstallReview } from '../../common/index.js';
import { pluginsApiRef } from '../api/plugins-api-ref.js';
import { BackendsTable } from './backends-table.js';
import { HistoryTable } from './history-table.js';
import { InstallDialog } from './install-dialog.js';
import { installedColumns } from './installed-columns.js';
import { ManageDialog } from './manage-dialog.js';
import { ReviewDialog } from './review-dialog.js';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </section>
  );
}

/** `/admin/plugins`: installed plugins, install with a review, manage one, backends and history. */
export function PluginsAdminPage() {
  const client = useApi(pluginsApiRef);
  const table = useTableState({ pageSize: 50 });
  const [installing, setInstalling] = useState(false);
  const [review, setReview] = useState<InstallReview>();
  const [managed, setManaged] = useState<string>();
  const access = useQuery({ queryKey: ['plugins', 'access'], queryFn: () => client.getAccess({}) });
  const installed = useQuery({ queryKey: ['plugins', 'installed'], queryFn: () => client.listPlugins({}) });
  const items = installed.data?.items;
  const { page, pageSize } = table.state;
  const managedPlugin = items?.find((p) => p.id === managed);
  return (
    <Page title="Plugins" subtitle="Install, upgrade, roll back and remove plugins in the running portal">
      {access.data?.canInstall && (
        <Button variant="contained" onClick={() => setInstalling(true)}>
          Install plugin
        </Button>
      )}
      <Section title="Installed plugins">
        <DataTable
          label="Installed plugins"
          columns={installedColumns((p) => setManaged(p.id))}
          rows={items?.slice(page * pageSize, (page + 1) * pageSize)}
          rowKey={(p) => p.id}
          totalCount={items?.length ?? -1}
          state={table.state}
          onStateChange={table.onStateChange}
          isFetching={installed.isFetching}
          error={installed.error ?? undefined}
          onRetry={() => installed.refetch()}
          emptyState={
            <EmptyState title="No plugins installed" description="Built-in plugins are not listed." />
          }
        />
      </Section>
      <Section title="Backends">
        <BackendsTable />
      </Section>
      <Section title="History">
        <HistoryTable />
      </Section>
      <InstallDialog
        key={String(installing)}
        open={installing}
        onClose={() => setInstalling(false)}
        onReviewed={(next) => {
          setInstalling(false);
          setReview(next);
        }}
      />
      {review && <ReviewDialog review={review} onClose={() => setReview(undefined)} />}
      {managedPlugin && <ManageDialog plugin={managedPlugin} onClose={() => setManaged(undefined)} />}
    </Page>
  );
}
