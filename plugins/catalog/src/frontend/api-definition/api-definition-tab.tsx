import type { Entity } from '@atrium/catalog-model';
import { CodeBlock, EmptyState } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { type ReactNode, useMemo, useState } from 'react';
import { useEntity } from '../blueprints/entity-context.js';
import { SafeLink } from '../components/safe-link.js';
import { OpenApiView } from './openapi-view.js';
import { parseOpenApi } from './parse-openapi.js';

function OpenApiDefinition({ definition }: { definition: string }) {
  const [mode, setMode] = useState<'rendered' | 'raw'>('rendered');
  const parsed = useMemo(() => {
    try {
      return { document: parseOpenApi(definition) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [definition]);
  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode}
        onChange={(_, next: 'rendered' | 'raw' | null) => next && setMode(next)}
        aria-label="Definition view"
        sx={{ mb: 2 }}
      >
        <ToggleButton value="rendered">Rendered</ToggleButton>
        <ToggleButton value="raw">Raw</ToggleButton>
      </ToggleButtonGroup>
      {mode === 'raw' || !parsed.document ? (
        <>
          {parsed.error && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {`The definition could not be read as OpenAPI, so it is shown as text. ${parsed.error}`}
            </Alert>
          )}
          <CodeBlock code={definition} language="openapi" title="OpenAPI definition" />
        </>
      ) : (
        <OpenApiView document={parsed.document} />
      )}
    </Box>
  );
}

function McpRemotes({ entity }: { entity: Entity }) {
  const remotes = Array.isArray(entity.spec?.remotes) ? entity.spec.remotes : [];
  return (
    <Box component="ul">
      {remotes.map((remote, index) => {
        const { type, url } = (remote ?? {}) as { type?: unknown; url?: unknown };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: remotes have no identity besides their place
          <li key={index}>
            {`${String(type ?? 'remote')}: `}
            {typeof url === 'string' ? <SafeLink url={url} /> : null}
          </li>
        );
      })}
    </Box>
  );
}

/**
 * The API definition tab of API entities: OpenAPI rendered as a readable reference (with
 * a raw view); AsyncAPI, GraphQL, gRPC and other types shown as text.
 *
 * @example
 * <ApiDefinitionTab />
 */
export function ApiDefinitionTab() {
  const entity = useEntity<Entity>();
  const type = typeof entity.spec?.type === 'string' ? entity.spec.type.toLowerCase() : '';
  const definition = typeof entity.spec?.definition === 'string' ? entity.spec.definition : undefined;
  let body: ReactNode;
  if (type === 'mcp-server') body = <McpRemotes entity={entity} />;
  else if (!definition?.trim()) {
    body = <EmptyState title="No definition" description="This API entity has no spec.definition to show." />;
  } else if (type === 'openapi') body = <OpenApiDefinition definition={definition} />;
  else body = <CodeBlock code={definition} language={type || 'text'} title={`${type || 'API'} definition`} />;
  return (
    <Box component="section" aria-labelledby="api-definition-heading">
      <Typography id="api-definition-heading" variant="h6" component="h2" sx={{ mb: 2 }}>
        {`API definition${type ? ` (${type})` : ''}`}
      </Typography>
      {body}
    </Box>
  );
}
