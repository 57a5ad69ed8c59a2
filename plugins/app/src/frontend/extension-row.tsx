import type { AppNodeInfo } from '@atrium/web-kernel';
import ArrowDownward from '@mui/icons-material/ArrowDownward';
import ArrowUpward from '@mui/icons-material/ArrowUpward';
import Tune from '@mui/icons-material/Tune';
import { Chip, IconButton, ListItem, ListItemText, Stack, Switch, Tooltip } from '@mui/material';

/** Props of {@link ExtensionRow}. */
export interface ExtensionRowProps {
  node: AppNodeInfo;
  enabled: boolean;
  kinds: string[];
  first: boolean;
  last: boolean;
  onToggle(enabled: boolean): void;
  onMove(delta: -1 | 1): void;
  onConfigure(): void;
}

/** One extension in the layout editor: enable switch, kinds it shows for, move and configure. */
export function ExtensionRow(props: ExtensionRowProps) {
  const { node, enabled, kinds } = props;
  return (
    <ListItem divider data-extension={node.id}>
      <Switch
        checked={enabled}
        onChange={(_, checked) => props.onToggle(checked)}
        slotProps={{ input: { 'aria-label': `Enable ${node.id}` } }}
      />
      <ListItemText
        primary={node.id}
        secondary={node.pluginId ? `plugin ${node.pluginId}` : 'built in'}
        sx={{ opacity: enabled ? 1 : 0.5 }}
      />
      <Stack direction="row" spacing={0.5} sx={{ mr: 1 }}>
        {kinds.map((kind) => (
          <Chip key={kind} size="small" label={kind} />
        ))}
      </Stack>
      <Tooltip title="Move up">
        <span>
          <IconButton
            aria-label={`Move ${node.id} up`}
            disabled={props.first}
            onClick={() => props.onMove(-1)}
          >
            <ArrowUpward fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Move down">
        <span>
          <IconButton
            aria-label={`Move ${node.id} down`}
            disabled={props.last}
            onClick={() => props.onMove(1)}
          >
            <ArrowDownward fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Configure">
        <span>
          <IconButton
            aria-label={`Configure ${node.id}`}
            disabled={!node.configSchema}
            onClick={props.onConfigure}
          >
            <Tune fontSize="small" />
          </IconButton>
        </span>
      </Tooltip>
    </ListItem>
  );
}
