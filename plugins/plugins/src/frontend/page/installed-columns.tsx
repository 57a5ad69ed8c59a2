import type { DataTableColumn } from '@atrium/ui';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import type { InstalledPlugin } from '../../common/index.js';
import { BackendStatusChips } from './backend-status-chips.js';

/** The source of the serving (or newest) version: `upload`, `folder:<path>` or `registry:<name>@<version>`. */
function sourceOf(plugin: InstalledPlugin): string {
  const current = plugin.versions.find((v) => v.version === plugin.enabledVersion) ?? plugin.versions.at(-1);
  return current?.source ?? '';
}

/** Columns of the installed plugins table; `onManage` opens one plugin's actions. */
export function installedColumns(
  onManage: (plugin: InstalledPlugin) => void,
): DataTableColumn<InstalledPlugin>[] {
  return [
    { id: 'id', header: 'Plugin', render: (p) => p.id },
    { id: 'package', header: 'Package', render: (p) => p.packageName },
    {
      id: 'version',
      header: 'Version',
      render: (p) => p.enabledVersion ?? p.versions.map((v) => v.version).join(', '),
    },
    { id: 'source', header: 'Source', render: sourceOf },
    {
      id: 'state',
      header: 'State',
      render: (p) => (
        <Chip
          size="small"
          variant="outlined"
          label={p.state}
          color={p.state === 'enabled' ? 'success' : 'default'}
        />
      ),
    },
    { id: 'backends', header: 'Backends', render: (p) => <BackendStatusChips backends={p.backends} /> },
    {
      id: 'manage',
      header: '',
      align: 'right',
      render: (p) => (
        <Button size="small" aria-label={`Manage ${p.id}`} onClick={() => onManage(p)}>
          Manage
        </Button>
      ),
    },
  ];
}
