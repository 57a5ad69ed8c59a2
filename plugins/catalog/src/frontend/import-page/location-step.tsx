import { ErrorPanel } from '@atrium/ui';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ImportPlan } from './import-plan.js';
import { parseImportTarget } from './import-target.js';
import { RegistrationHelp } from './registration-help.js';

/** Props of {@link LocationStep}. */
export interface LocationStepProps {
  target: string;
  onTargetChange(target: string): void;
  /** Plans the import of a target that parsed. */
  analyze: UseMutationResult<ImportPlan, Error, string>;
}

/**
 * Step 1 of the register page: the location to import, checked here before the server
 * analyzes it, with the server's refusal and how to allow the location.
 *
 * @example
 * <LocationStep target={target} onTargetChange={setTarget} analyze={analyze} />
 */
export function LocationStep({ target, onTargetChange, analyze }: LocationStepProps) {
  const [inputProblem, setInputProblem] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseImportTarget(target);
    setInputProblem(parsed.kind === 'invalid' ? parsed.reason : undefined);
    if (parsed.kind !== 'invalid') analyze.mutate(target);
  };
  return (
    <Box component="form" onSubmit={onSubmit} noValidate>
      <Typography variant="h6" component="h2" gutterBottom>
        Where is the descriptor?
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Enter the URL of a catalog-info.yaml file or of a repository to look in, or the absolute path of a
        file on the server (only under the folders listed in catalog.allowedFileRoots).
      </Typography>
      <TextField
        fullWidth
        label="Repository or file URL"
        placeholder="https://raw.githubusercontent.com/acme/petstore/main/catalog-info.yaml"
        value={target}
        onChange={(event) => {
          onTargetChange(event.target.value);
          setInputProblem(undefined);
        }}
        disabled={analyze.isPending}
        error={inputProblem !== undefined}
        helperText={inputProblem}
        sx={{ mb: 2 }}
      />
      {analyze.isError && (
        <>
          <ErrorPanel
            title="Could not analyze the location"
            error={analyze.error}
            onRetry={() => analyze.mutate(target)}
          />
          <RegistrationHelp error={analyze.error} />
        </>
      )}
      <Button type="submit" variant="contained" disabled={!target.trim() || analyze.isPending}>
        {analyze.isPending ? 'Analyzing…' : 'Analyze'}
      </Button>
    </Box>
  );
}
