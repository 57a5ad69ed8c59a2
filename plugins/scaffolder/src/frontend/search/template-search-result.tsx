import type { SearchResult } from '@atrium/search/common';
import { HighlightedText, SearchResultLink, SearchResultRendererBlueprint } from '@atrium/search/frontend';
import { defineWebPlugin, type WebPlugin } from '@atrium/web-kernel';
import { Box, Chip, Stack, Typography } from '@mui/material';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A software template as a search result: its title to its run page, description, type, owner, tags. */
export function TemplateSearchResult({ result }: { result: SearchResult }) {
  const { document } = result;
  const chips = [
    ...(typeof document.type === 'string' && document.type ? [`type: ${document.type}`] : []),
    ...(typeof document.owner === 'string' && document.owner ? [`owner: ${document.owner}`] : []),
    ...strings(document.tags),
  ];
  return (
    <Box component="article" sx={{ py: 1.5 }}>
      <Typography variant="overline" color="text.secondary" component="p">
        Software template
      </Typography>
      <Typography variant="subtitle1" component="h3">
        <SearchResultLink location={document.location}>
          <HighlightedText result={result} field="title" fallback={document.title} />
        </SearchResultLink>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        <HighlightedText result={result} field="text" fallback={document.text.slice(0, 240)} />
      </Typography>
      {chips.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
          {chips.map((chip) => (
            <Chip key={chip} label={chip} size="small" variant="outlined" />
          ))}
        </Stack>
      )}
    </Box>
  );
}

/**
 * The scaffolder's part of search's UI, a plugin of its own so an app without search has
 * no renderer left without its parent: `search-result-renderer:scaffolder-search/software-template`.
 *
 * @example
 * createApp({ features: [appPlugin, scaffolderWebPlugin, searchWebPlugin, scaffolderSearchWebPlugin] });
 */
export const scaffolderSearchWebPlugin: WebPlugin = defineWebPlugin({
  id: 'scaffolder-search',
  extensions: [
    SearchResultRendererBlueprint.make({
      name: 'software-template',
      params: { type: 'software-template', label: 'Software Templates', component: TemplateSearchResult },
    }),
  ],
});
