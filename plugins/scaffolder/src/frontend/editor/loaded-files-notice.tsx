import { ErrorPanel } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import type { LoadedTemplate } from './load-template.js';

/** What loading a template's files brought, and what it could not load (each with the reason). */
export function LoadedFilesNotice({ template }: { template: LoadedTemplate }) {
  if (template.filesError !== undefined)
    return (
      <ErrorPanel
        error={template.filesError}
        title="Loaded the template, but not its files: add the skeleton files by hand"
      />
    );
  return (
    <Alert severity={template.unread.length > 0 ? 'warning' : 'info'} aria-label="Template files">
      Loaded {template.files.length} file{template.files.length === 1 ? '' : 's'} of the template.
      {template.unread.length > 0 && (
        <ul>
          {template.unread.map((item) => (
            <li key={`${item.stepId} ${item.url}`}>
              Step {item.stepId}: not loaded <code>{item.url}</code>: {item.reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
