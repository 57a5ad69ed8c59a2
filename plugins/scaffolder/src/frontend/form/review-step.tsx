import { ErrorPanel } from '@atrium/ui';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { JsonObject } from '../../common/index.js';
import { type ReviewPage, reviewEntries } from './review-entries.js';
import { WizardButtons } from './wizard-buttons.js';

/** Props of {@link ReviewStep}. */
export interface ReviewStepProps {
  pages: readonly ReviewPage[];
  values: JsonObject;
  onBack?: () => void;
  backLabel?: string;
  submitLabel: string;
  isSubmitting: boolean;
  onSubmit: () => void;
  error?: unknown;
  /** Server validation messages that belong to no field on a page. */
  unplacedErrors: readonly string[];
}

/** The last form page: every value to be sent (masked or hidden as the template asks), then Create. */
export function ReviewStep(props: ReviewStepProps) {
  const entries = reviewEntries(props.pages, props.values);
  const showGenericError = props.error !== undefined && props.unplacedErrors.length === 0;
  return (
    <Box component="section" aria-labelledby="scaffolder-review-heading">
      <Typography id="scaffolder-review-heading" variant="h6" component="h2" gutterBottom>
        Review
      </Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">This template needs no input.</Typography>
      ) : (
        <Table size="small" aria-label="Values to submit">
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.key}>
                <TableCell component="th" scope="row" sx={{ width: '35%', fontWeight: 500 }}>
                  {entry.label}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{entry.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {props.unplacedErrors.length > 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          <AlertTitle>The server rejected the values</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {props.unplacedErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {showGenericError && <ErrorPanel error={props.error} title="Could not start the template" />}
      <WizardButtons
        onBack={props.onBack}
        backLabel={props.backLabel}
        nextLabel={props.isSubmitting ? 'Starting…' : props.submitLabel}
        onNext={props.onSubmit}
        isBusy={props.isSubmitting}
      />
    </Box>
  );
}
