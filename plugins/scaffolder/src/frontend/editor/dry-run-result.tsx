import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { DryRunResult } from '../../common/index.js';
import { LogViewer } from '../task/log-viewer.js';
import type { LogLine } from '../task/task-event-log.js';
import { TaskOutputPanel } from '../task/task-output.js';
import type { TaskOutput } from '../task/task-output-types.js';
import { decodeBase64 } from './base64.js';

/** Props of {@link DryRunResultView}. */
export interface DryRunResultViewProps {
  result: DryRunResult;
}

const hasShownOutput = (output: DryRunResult['output']) =>
  ['links', 'text'].some((key) => {
    const value = output[key];
    return Array.isArray(value) && value.length > 0;
  });

/** What a dry run produced: the file tree with a viewer, the log and the output. */
export function DryRunResultView({ result }: DryRunResultViewProps) {
  const [tab, setTab] = useState<'files' | 'log' | 'output'>('files');
  const files = useMemo(
    () => [...result.directoryContents].sort((a, b) => a.path.localeCompare(b.path)),
    [result],
  );
  const [selectedPath, setSelectedPath] = useState(files[0]?.path);
  const selected = files.find((file) => file.path === selectedPath) ?? files[0];
  const content = selected ? decodeBase64(selected.base64Content) : undefined;
  const lines = useMemo<LogLine[]>(
    () =>
      result.log.flatMap((entry, index) =>
        String(entry.body.message ?? '')
          .split(/\r?\n/)
          .map((message, part) => ({
            key: `${index}.${part}`,
            id: index,
            stepId: typeof entry.body.stepId === 'string' ? entry.body.stepId : undefined,
            message,
            createdAt: '',
          })),
      ),
    [result],
  );
  return (
    <Paper variant="outlined" component="section" aria-label="Dry-run result" sx={{ mt: 3 }}>
      {result.status !== 'completed' && (
        <Alert severity={result.status === 'failed' ? 'error' : 'warning'} sx={{ borderRadius: 0 }}>
          <AlertTitle>
            {result.status === 'failed' ? 'The dry run failed' : 'The dry run was cancelled'}
          </AlertTitle>
          {result.error?.message ?? 'The log says what happened.'}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_, next) => setTab(next)} aria-label="Dry-run result views">
        <Tab value="files" label={`Files (${files.length})`} />
        <Tab value="log" label="Log" />
        <Tab value="output" label="Output" />
      </Tabs>
      <Box sx={{ p: 2 }}>
        {tab === 'files' &&
          (files.length === 0 ? (
            <Typography color="text.secondary">
              {result.status === 'completed'
                ? 'The run produced no files.'
                : 'The run stopped before it produced any files.'}
            </Typography>
          ) : (
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '260px 1fr' }, gap: 2 }}>
              <List dense aria-label="Produced files" sx={{ maxHeight: 480, overflow: 'auto' }}>
                {files.map((file) => {
                  const depth = file.path.split('/').length - 1;
                  return (
                    <ListItemButton
                      key={file.path}
                      selected={file === selected}
                      onClick={() => setSelectedPath(file.path)}
                      sx={{ pl: 1 + depth * 2 }}
                    >
                      <ListItemText
                        primary={file.path.split('/').pop()}
                        secondary={depth > 0 ? file.path : undefined}
                      />
                    </ListItemButton>
                  );
                })}
              </List>
              <Box component="figure" aria-label={`Content of ${selected?.path}`} sx={{ m: 0, minWidth: 0 }}>
                <Typography component="figcaption" variant="caption" color="text.secondary">
                  {selected?.path}
                  {selected?.executable ? ' (executable)' : ''}
                </Typography>
                <Box
                  component="pre"
                  sx={{
                    m: 0,
                    mt: 0.5,
                    p: 1.5,
                    bgcolor: 'action.hover',
                    borderRadius: 1,
                    overflow: 'auto',
                    maxHeight: 480,
                    fontSize: 13,
                  }}
                >
                  <code>{content ?? 'This file is binary and is not shown.'}</code>
                </Box>
              </Box>
            </Box>
          ))}
        {tab === 'log' && <LogViewer lines={lines} version={lines.length} label="Dry-run log" />}
        {tab === 'output' &&
          (hasShownOutput(result.output) ? (
            <TaskOutputPanel output={result.output as TaskOutput} />
          ) : (
            <Typography color="text.secondary">The template declares no output for this run.</Typography>
          ))}
      </Box>
    </Paper>
  );
}
