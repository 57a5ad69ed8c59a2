import ContentCopy from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** The text to show, verbatim. */
  code: string;
  /** A label such as `yaml` or `json`. */
  language?: string;
  title?: string;
}

/**
 * Shows code or YAML verbatim in a monospaced, scrollable block with a copy button.
 *
 * @example
 * <CodeBlock language="yaml" code={stringifyYaml(entity)} />
 */
export function CodeBlock({ code, language, title }: CodeBlockProps) {
  const [isCopied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', px: 1.5, py: 0.5, bgcolor: 'action.hover' }}>
        <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
          {title ?? language ?? 'code'}
        </Typography>
        <Tooltip title={isCopied ? 'Copied' : 'Copy'}>
          <IconButton size="small" aria-label="Copy to clipboard" onClick={copy}>
            <ContentCopy fontSize="inherit" />
          </IconButton>
        </Tooltip>
      </Box>
      <Box
        component="pre"
        data-language={language}
        // Scrollable regions must be reachable by keyboard (axe: scrollable-region-focusable).
        tabIndex={0}
        sx={{ m: 0, p: 1.5, overflow: 'auto', maxHeight: 560, fontSize: 13, lineHeight: 1.55 }}
      >
        <code style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>{code}</code>
      </Box>
    </Box>
  );
}
