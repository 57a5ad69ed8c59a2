import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { InstalledPlugin } from '../../common/index.js';
import { ActionError } from './action-error.js';
import { BackendStatusChips } from './backend-status-chips.js';
import { ConfigForm } from './config-form.js';
import { UninstallButton } from './uninstall-button.js';
import { usePluginsMutation } from './use-plugins-mutation.js';
import { VersionSwitcher } from './version-switcher.js';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** The config form of the serving (or newest) version's schema; saving restarts an enabled plugin with it. */
function ConfigSection({ plugin }: { plugin: InstalledPlugin }) {
  const current = plugin.versions.find((v) => v.version === plugin.enabledVersion) ?? plugin.versions.at(-1);
  const schema = current?.declaration.configSchema;
  const [config, setConfig] = useState(plugin.config);
  const save = usePluginsMutation((client, value: Record<string, unknown>) =>
    client.configure({ params: { pluginId: plugin.id }, body: { config: value } }),
  );
  if (!schema) return null;
  return (
    <Section title="Configuration">
      <ConfigForm
        schema={schema}
        value={config}
        onChange={setConfig}
        onSubmit={(value) => save.mutate(value)}
        submitLabel="Save config"
        isBusy={save.isPending}
      />
      {save.isSuccess && <Typography role="status">Config saved.</Typography>}
      <ActionError error={save.error} />
    </Section>
  );
}

/** One installed plugin: per-backend status, switch version, config, disable and uninstall. */
export function ManageDialog({ plugin, onClose }: { plugin: InstalledPlugin; onClose(): void }) {
  const disable = usePluginsMutation((client) => client.disable({ params: { pluginId: plugin.id } }));
  const serving = plugin.state === 'enabled' ? plugin.enabledVersion : null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="manage-title">
      <DialogTitle id="manage-title">{`Manage ${plugin.id}`}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {`${plugin.packageName} · ${serving ? `serving ${serving}` : 'disabled'} · installed versions: ${plugin.versions.map((v) => v.version).join(', ')}`}
        </Typography>
        <Section title="Backends">
          <BackendStatusChips backends={plugin.backends} />
        </Section>
        <Section title={serving ? 'Upgrade or roll back' : 'Enable'}>
          <VersionSwitcher plugin={plugin} />
        </Section>
        <ConfigSection plugin={plugin} />
        <ActionError error={disable.error} />
      </DialogContent>
      <DialogActions>
        <UninstallButton pluginId={plugin.id} onDone={onClose} />
        {serving && (
          <Button variant="outlined" disabled={disable.isPending} onClick={() => disable.mutate(undefined)}>
            Disable
          </Button>
        )}
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
