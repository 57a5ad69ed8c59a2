import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { gt } from 'semver';
import type { InstalledPlugin } from '../../common/index.js';
import type { PluginsClient } from '../api/plugins-api-ref.js';
import { ActionError } from './action-error.js';
import { usePluginsMutation } from './use-plugins-mutation.js';

/** The call that makes `version` serve: enable a disabled plugin, upgrade to newer, roll back to older. */
function switchTo(
  plugin: InstalledPlugin,
  version: string,
): { label: string; run(client: PluginsClient): Promise<unknown> } {
  const params = { pluginId: plugin.id };
  const enabled = plugin.state === 'enabled' ? plugin.enabledVersion : null;
  if (enabled === null)
    return { label: `Enable ${version}`, run: (c: PluginsClient) => c.enable({ params, body: { version } }) };
  if (gt(version, enabled))
    return {
      label: `Upgrade to ${version}`,
      run: (c: PluginsClient) => c.upgrade({ params, body: { version } }),
    };
  return {
    label: `Roll back to ${version}`,
    run: (c: PluginsClient) => c.rollback({ params, body: { version } }),
  };
}

/**
 * Picks any installed version other than the serving one and switches to it in one action:
 * an upgrade initialises the new version beside the old, which serves until it is healthy.
 */
export function VersionSwitcher({ plugin }: { plugin: InstalledPlugin }) {
  const serving = plugin.state === 'enabled' ? plugin.enabledVersion : null;
  const choices = plugin.versions.map((v) => v.version).filter((v) => v !== serving);
  const [picked, setPicked] = useState('');
  const version = choices.includes(picked) ? picked : (choices[0] ?? '');
  const action = version ? switchTo(plugin, version) : undefined;
  const mutation = usePluginsMutation(
    (client): Promise<unknown> => (action ? action.run(client) : Promise.resolve()),
  );
  if (!action) return null;
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="Version"
          value={version}
          onChange={(e) => setPicked(e.target.value)}
          sx={{ minWidth: 160 }}
        >
          {choices.map((v) => (
            <MenuItem key={v} value={v}>
              {v}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" disabled={mutation.isPending} onClick={() => mutation.mutate(undefined)}>
          {action.label}
        </Button>
      </Box>
      <ActionError error={mutation.error} />
    </Box>
  );
}
