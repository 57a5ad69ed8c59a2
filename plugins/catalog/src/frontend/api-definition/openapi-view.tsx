import { Markdown } from '@atrium/ui';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { OperationDetails } from './operation-details.js';
import type { OpenApiView as OpenApiDocument, OperationView } from './parse-openapi.js';

const methodColors: Record<string, 'primary' | 'success' | 'warning' | 'error' | 'info' | 'default'> = {
  get: 'primary',
  post: 'success',
  put: 'warning',
  patch: 'info',
  delete: 'error',
};

function OperationItem({ operation }: { operation: OperationView }) {
  return (
    <Accordion disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
      <AccordionSummary expandIcon={<ExpandMore />}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0, flexWrap: 'wrap' }}>
          <Chip
            size="small"
            label={operation.method.toUpperCase()}
            color={methodColors[operation.method] ?? 'default'}
            sx={{ fontWeight: 700, minWidth: 64 }}
          />
          <Box
            component="span"
            sx={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontWeight: 600,
              textDecoration: operation.deprecated ? 'line-through' : undefined,
              wordBreak: 'break-all',
            }}
          >
            {operation.path}
          </Box>
          {operation.summary && (
            <Typography variant="body2" color="text.secondary">
              {operation.summary}
            </Typography>
          )}
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <OperationDetails operation={operation} />
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * An OpenAPI document as a readable reference: title and servers, then operations
 * grouped by tag, each expanding to its parameters, request body and responses. Text from
 * the document renders as text or safe markdown, never as HTML.
 *
 * @example
 * <OpenApiView document={parseOpenApi(definition)} />
 */
export function OpenApiView({ document }: { document: OpenApiDocument }) {
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h5" component="h3">
          {document.title}
        </Typography>
        {document.version && <Chip size="small" variant="outlined" label={`v${document.version}`} />}
      </Box>
      {document.description && <Markdown>{document.description}</Markdown>}
      {document.servers.length > 0 && (
        <Box sx={{ my: 2 }}>
          <Typography variant="subtitle2" component="h4">
            Servers
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {document.servers.map((server) => (
              <li key={server.url}>
                <Box component="code">{server.url}</Box>
                {server.description ? ` — ${server.description}` : ''}
              </li>
            ))}
          </Box>
        </Box>
      )}
      {document.groups.map((group) => (
        <Box key={group.tag} component="section" aria-label={`Operations tagged ${group.tag}`} sx={{ mt: 3 }}>
          <Typography variant="h6" component="h4">
            {group.tag}
          </Typography>
          {group.description && (
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {group.description}
            </Typography>
          )}
          <Box sx={{ mt: 1 }}>
            {group.operations.map((operation) => (
              <OperationItem key={operation.id} operation={operation} />
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
