import type { SearchResult } from '@atrium/search/common';
import { HighlightedText, SearchResultLink, SearchResultRendererBlueprint } from '@atrium/search/frontend';
import { defineWebPlugin, type WebPlugin } from '@atrium/web-kernel';
import { Box, Typography } from '@mui/material';

/** A docs page as a search result: its title to the reader, then which entity's docs and where in them. */
export function DocsSearchResult({ result }: { result: SearchResult }) {
  const { document } = result;
  const entityRef = typeof document.entityRef === 'string' ? document.entityRef : '';
  const path = typeof document.path === 'string' && document.path !== '' ? document.path : 'index';
  return (
    <Box component="article" sx={{ py: 1.5 }}>
      <Typography variant="subtitle1" component="h3">
        <SearchResultLink location={document.location}>
          <HighlightedText result={result} field="title" fallback={document.title} />
        </SearchResultLink>
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" aria-label="Docs of">
        Docs of {entityRef} › {path}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        <HighlightedText result={result} field="text" fallback={document.text.slice(0, 240)} />
      </Typography>
    </Box>
  );
}

/**
 * TechDocs' part of search's UI, a plugin of its own so an app without search has no
 * renderer left without its parent: `search-result-renderer:techdocs-search/techdocs`.
 *
 * @example
 * createApp({ features: [appPlugin, techdocsWebPlugin, searchWebPlugin, techdocsSearchWebPlugin] });
 */
export const techdocsSearchWebPlugin: WebPlugin = defineWebPlugin({
  id: 'techdocs-search',
  extensions: [
    SearchResultRendererBlueprint.make({
      name: 'techdocs',
      params: { type: 'techdocs', label: 'Documentation', component: DocsSearchResult },
    }),
  ],
});
