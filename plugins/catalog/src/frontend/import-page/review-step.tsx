import { ErrorPanel } from '@atrium/ui';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { UseMutationResult } from '@tanstack/react-query';
import { type ImportPlan, type ImportResult, isRedundant } from './import-plan.js';
import { ImportReview } from './import-review.js';

/** Props of {@link ReviewStep}. */
export interface ReviewStepProps {
  plan: ImportPlan;
  register: UseMutationResult<ImportResult, Error, ImportPlan>;
  onBack(): void;
}

/**
 * Step 2 of the register page: what the dry run found, and the button that imports it
 * (or refreshes it, when every location is registered already).
 *
 * @example
 * <ReviewStep plan={plan} register={register} onBack={restart} />
 */
export function ReviewStep({ plan, register, onBack }: ReviewStepProps) {
  const action = plan.locations.every((l) => l.exists) ? 'Refresh' : 'Import';
  return (
    <Box>
      <Typography variant="h6" component="h2" gutterBottom>
        Review
      </Typography>
      <ImportReview plan={plan} />
      {register.isError && (
        <ErrorPanel title="Import failed" error={register.error} onRetry={() => register.mutate(plan)} />
      )}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button onClick={onBack} disabled={register.isPending}>
          Back
        </Button>
        {plan.locations.some((l) => !isRedundant(l)) && (
          <Button variant="contained" onClick={() => register.mutate(plan)} disabled={register.isPending}>
            {register.isPending ? 'Importing…' : action}
          </Button>
        )}
      </Box>
    </Box>
  );
}
