import { CodeBlock } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { stringify } from 'yaml';
import { folderToAllow } from './import-target.js';

/** The `details` of a refused registration, as the catalog sends them in its error body. */
export interface RefusalDetails {
  rule?: string;
  /** The config key that allows what was refused, e.g. `backend.reading.allow`. */
  setting?: string;
  host?: string;
  path?: string;
  /** The folders `catalog.allowedFileRoots` lists now. */
  roots?: string[];
  type?: string;
}

/** The server's error details, when the error is one of its answers. */
function refusalDetails(error: unknown): RefusalDetails | undefined {
  const body = (error as { body?: { error?: { details?: unknown } } } | null)?.body;
  const details = body?.error?.details;
  return typeof details === 'object' && details !== null ? (details as RefusalDetails) : undefined;
}

function snippetFor(details: RefusalDetails): { lead: string; yaml: string } | undefined {
  if (details.setting === 'backend.reading.allow' && details.host) {
    return {
      lead: `The server reads URLs only from hosts listed in backend.reading.allow. To register from ${details.host}, add it:`,
      yaml: stringify({ backend: { reading: { allow: [{ host: details.host }] } } }),
    };
  }
  if (details.setting === 'catalog.allowedFileRoots' && details.path) {
    const roots = [...(details.roots ?? []), folderToAllow(details.path)];
    return {
      lead: 'Local files can be registered only under a folder listed in catalog.allowedFileRoots. To register this one, add its folder:',
      yaml: stringify({ catalog: { allowedFileRoots: roots } }),
    };
  }
  if (details.setting === 'catalog.allowedLocationTypes' && details.type) {
    return {
      lead: `Locations of type '${details.type}' are not accepted. Allow the type:`,
      yaml: stringify({ catalog: { allowedLocationTypes: ['url', details.type] } }),
    };
  }
  return undefined;
}

/**
 * What to change when the server refused a registration because of its config: the key,
 * an app-config.yaml snippet, and a restart. Renders nothing for other errors.
 *
 * @example
 * {analyze.isError && <RegistrationHelp error={analyze.error} />}
 */
export function RegistrationHelp({ error }: { error: unknown }) {
  const details = refusalDetails(error);
  const snippet = details && snippetFor(details);
  if (!details?.setting || !snippet) return null;
  return (
    <Alert severity="info" sx={{ my: 1 }} role="note" aria-label="How to allow this">
      <AlertTitle>{`Allow it with ${details.setting}`}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {snippet.lead}
      </Typography>
      <CodeBlock code={snippet.yaml} language="yaml" title="app-config.yaml" />
      <Typography variant="body2" sx={{ mt: 1 }}>
        Then restart Atrium. Only an operator who edits the server's config can do this.
      </Typography>
    </Alert>
  );
}
