import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { describeError } from './describe-error.js';

/** Props of {@link ErrorPanel}. */
export interface ErrorPanelProps {
  /** What was thrown; the server's `{ error: { name, message } }` message is shown when present. */
  error: unknown;
  /** A heading; defaults to the error's name. */
  title?: string;
  /** Shows a Retry button that calls this. */
  onRetry?: () => void;
}

/**
 * Shows what went wrong, in the server's words when it sent a JSON error, with Retry.
 *
 * @example
 * if (query.isError) return <ErrorPanel error={query.error} onRetry={() => query.refetch()} />;
 */
export function ErrorPanel({ error, title, onRetry }: ErrorPanelProps) {
  const description = describeError(error);
  return (
    <Alert
      severity="error"
      variant="outlined"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
      sx={{ my: 1 }}
    >
      <AlertTitle>{title ?? description.name}</AlertTitle>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
        {description.message}
      </Typography>
      {description.statusCode !== undefined && (
        <Typography variant="caption" color="text.secondary">
          {description.name} · HTTP {description.statusCode}
        </Typography>
      )}
    </Alert>
  );
}
