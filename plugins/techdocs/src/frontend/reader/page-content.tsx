import { Box, useTheme } from '@mui/material';
import { type MouseEvent, useEffect, useRef } from 'react';
import type { TechDocsApi } from '../api/techdocs-client.js';

/** Props of {@link PageContent}. */
export interface PageContentProps {
  /** Sanitised on the server (rehype-sanitize allow-list). */
  html: string;
  api: TechDocsApi;
  /** Called for a link to another page of the site, instead of leaving the reader. */
  onNavigate(pagePath: string, hash: string): void;
}

/** One page of a docs site: its HTML, images loaded with the user's token, mermaid diagrams drawn. */
export function PageContent({ html, api, onNavigate }: PageContentProps) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const dark = theme.palette.mode === 'dark';
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    root.innerHTML = html;
    void loadAndDraw(root);
    async function loadAndDraw(element: HTMLElement) {
      const { loadImages, renderMermaid } = await import('./enhance-page.js');
      await loadImages(element, api);
      await renderMermaid(element, dark).catch(() => undefined);
    }
  }, [html, api, dark]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a[data-techdocs-page]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const hash = (link.getAttribute('href') ?? '').split('#')[1];
    onNavigate(link.getAttribute('data-techdocs-page') ?? 'index', hash ? `#${hash}` : '');
  };
  return (
    <Box
      ref={ref}
      onClick={onClick}
      className="techdocs-page"
      data-testid="techdocs-page"
      sx={{
        '& pre': { p: 1.5, borderRadius: 1, overflowX: 'auto', bgcolor: 'action.hover' },
        '& code': { fontFamily: 'monospace' },
        '& table': { borderCollapse: 'collapse' },
        '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5 },
        '& img': { maxWidth: '100%' },
        '& a': { color: 'primary.main' },
        '& .admonition': {
          borderLeft: 4,
          borderColor: 'info.main',
          bgcolor: 'action.hover',
          px: 2,
          py: 0.5,
          my: 2,
          borderRadius: 1,
        },
        '& .admonition-warning, & .admonition-danger, & .admonition-caution': { borderColor: 'warning.main' },
        '& .admonition-tip, & .admonition-success': { borderColor: 'success.main' },
        '& .admonition-title': { fontWeight: 600 },
        '& pre.mermaid': { bgcolor: 'transparent', textAlign: 'center' },
        '& .hljs-keyword, & .hljs-built_in': { color: dark ? '#ff7b72' : '#cf222e' },
        '& .hljs-string': { color: dark ? '#a5d6ff' : '#0a3069' },
        '& .hljs-comment': { color: 'text.secondary', fontStyle: 'italic' },
        '& .hljs-number, & .hljs-literal': { color: dark ? '#79c0ff' : '#0550ae' },
        '& .hljs-title, & .hljs-function': { color: dark ? '#d2a8ff' : '#8250df' },
      }}
    />
  );
}
