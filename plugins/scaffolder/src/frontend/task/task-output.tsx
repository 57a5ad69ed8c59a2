import { isSafeUrl, Link, Markdown } from '@atrium/ui';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { entityPagePath } from '../components/entity-links.js';
import type { OutputLink, TaskOutput } from './task-output-types.js';

function CopyableText({ text }: { text: string }) {
  const [isCopied, setCopied] = useState(false);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
      <Box component="code" sx={{ fontSize: 13, wordBreak: 'break-all' }}>
        {text}
      </Box>
      <Button size="small" onClick={() => navigator.clipboard?.writeText(text).then(() => setCopied(true))}>
        {isCopied ? 'Copied' : 'Copy'}
      </Button>
    </Box>
  );
}

function OutputLinkItem({ link }: { link: OutputLink }) {
  const entityPath = link.entityRef ? entityPagePath(link.entityRef) : undefined;
  const title = link.title ?? link.entityRef ?? link.url ?? 'Link';
  if (entityPath) return <Link to={entityPath}>{title}</Link>;
  if (!link.url) return <span>{title}</span>;
  if (isSafeUrl(link.url)) return <Link to={link.url}>{title}</Link>;
  // Links such as file:// or git remotes cannot be opened by a browser, but are worth copying.
  return (
    <Box>
      <Typography variant="body2">{title}</Typography>
      <CopyableText text={link.url} />
    </Box>
  );
}

/** Props of {@link TaskOutputPanel}. */
export interface TaskOutputPanelProps {
  output: TaskOutput;
}

/** The links and texts a finished template run offers (markdown rendered without raw HTML). */
export function TaskOutputPanel({ output }: TaskOutputPanelProps) {
  const links = (output.links ?? []).filter((link) => link.url || link.entityRef);
  const texts = (output.text ?? []).filter((text) => text.content);
  if (links.length === 0 && texts.length === 0) return null;
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby="scaffolder-output-heading"
      sx={{ p: 2, mb: 3 }}
    >
      <Typography id="scaffolder-output-heading" variant="h6" component="h2" gutterBottom>
        Output
      </Typography>
      {links.length > 0 && (
        <Stack
          component="ul"
          aria-label="Output links"
          spacing={1}
          sx={{ listStyle: 'none', p: 0, m: 0, mb: texts.length ? 2 : 0 }}
        >
          {links.map((link, index) => (
            // Links have no id; their position in the template's output is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: output order is fixed by the template
            <li key={index}>
              <OutputLinkItem link={link} />
            </li>
          ))}
        </Stack>
      )}
      {texts.map((text, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: output order is fixed by the template
        <Box key={index} sx={{ mt: 1 }}>
          {text.title && (
            <Typography variant="subtitle1" component="h3">
              {text.title}
            </Typography>
          )}
          <Markdown>{text.content ?? ''}</Markdown>
        </Box>
      ))}
    </Paper>
  );
}
