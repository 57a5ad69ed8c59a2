import { describeError } from '@atrium/ui';
import Alert from '@mui/material/Alert';

/** The API's answer to a refused change (code and message as the server wrote them), or nothing. */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const { name, message, statusCode } = describeError(error);
  return (
    <Alert severity="error" role="alert" sx={{ my: 1 }}>
      {statusCode ? `${name} (${statusCode}): ` : `${name}: `}
      {message}
    </Alert>
  );
}
