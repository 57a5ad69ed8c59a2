import { Box, Chip, Stack, Typography } from '@mui/material';
import type { SearchResult } from '../../common/search-types.js';
import { HighlightedText } from './highlighted-text.js';
import { ResultLink } from './result-link.js';

const shownFields = ['kind', 'type', 'owner', 'lifecycle'] as const;

/** A result as the page shows it when its type has no renderer of its own. */
export function DefaultResult({ result }: { result: SearchResult }) {
  const { document } = result;
  const fields = shownFields.flatMap((field) => {
    const value = document[field];
    return typeof value === 'string' && value !== '' ? [`${field}: ${value}`] : [];
  });
  return (
    <Box component="article" sx={{ py: 1.5 }}>
      <Typography variant="subtitle1" component="h3">
        <ResultLink location={document.location}>
          <HighlightedText result={result} field="title" fallback={document.title} />
        </ResultLink>
      </Typography>
      <Typography variant="body2" color="text.secondary">
        <HighlightedText result={result} field="text" fallback={document.text.slice(0, 240)} />
      </Typography>
      {fields.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap' }}>
          {fields.map((field) => (
            <Chip key={field} label={field} size="small" variant="outlined" />
          ))}
        </Stack>
      )}
    </Box>
  );
}
