import { ErrorPanel, Page } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { catalogApiRef } from '../api/catalog-api.js';
import { catalogIndexPath } from '../components/entity-route.js';
import { type ImportPlan, type ImportResult, isRedundant, planImport, runImport } from './import-plan.js';
import { ImportResultView } from './import-result.js';
import { ImportReview } from './import-review.js';
import { parseImportTarget } from './import-target.js';
import { RegistrationHelp } from './registration-help.js';

const steps = ['Enter a location', 'Review', 'Done'];

/**
 * The register page at `/catalog-import`: enter a URL (or an absolute file path where the
 * server allows it), review what a dry run would import, import it, and follow the new
 * entities into the catalog. Server errors are shown in the server's words, with the
 * config key to change when the server's config refused the location.
 *
 * @example
 * PageBlueprint.make({ params: { path: '/catalog-import', loader: async () => <ImportPage /> } });
 */
export function ImportPage() {
  const catalogApi = useApi(catalogApiRef);
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('');
  const [inputProblem, setInputProblem] = useState<string>();
  const [plan, setPlan] = useState<ImportPlan>();
  const [result, setResult] = useState<ImportResult>();
  const analyze = useMutation({
    mutationFn: (value: string) => planImport(catalogApi, value),
    onSuccess: setPlan,
  });
  const register = useMutation({
    mutationFn: (value: ImportPlan) => runImport(catalogApi, value),
    onSuccess: (value) => {
      setResult(value);
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'entities'] });
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'facets'] });
    },
  });
  const restart = () => {
    setPlan(undefined);
    setResult(undefined);
    analyze.reset();
    register.reset();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseImportTarget(target);
    setInputProblem(parsed.kind === 'invalid' ? parsed.reason : undefined);
    if (parsed.kind !== 'invalid') analyze.mutate(target);
  };
  const activeStep = result ? 2 : plan ? 1 : 0;
  return (
    <Page
      title="Register an existing component"
      subtitle="Add entities to the catalog from a catalog-info.yaml file"
    >
      <Card sx={{ maxWidth: 960 }}>
        <CardContent>
          <Stepper activeStep={activeStep} sx={{ mb: 3 }}>
            {steps.map((label) => (
              <Step key={label}>
                <StepLabel>{label}</StepLabel>
              </Step>
            ))}
          </Stepper>
          {activeStep === 0 && (
            <Box component="form" onSubmit={onSubmit} noValidate>
              <Typography variant="h6" component="h2" gutterBottom>
                Where is the descriptor?
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                Enter the URL of a catalog-info.yaml file or of a repository to look in, or the absolute path
                of a file on the server (only under the folders listed in catalog.allowedFileRoots).
              </Typography>
              <TextField
                fullWidth
                label="Repository or file URL"
                placeholder="https://raw.githubusercontent.com/acme/petstore/main/catalog-info.yaml"
                value={target}
                onChange={(event) => {
                  setTarget(event.target.value);
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
          )}
          {activeStep === 1 && plan && (
            <Box>
              <Typography variant="h6" component="h2" gutterBottom>
                Review
              </Typography>
              <ImportReview plan={plan} />
              {register.isError && (
                <ErrorPanel
                  title="Import failed"
                  error={register.error}
                  onRetry={() => register.mutate(plan)}
                />
              )}
              <Box sx={{ display: 'flex', gap: 1 }}>
                <Button onClick={restart} disabled={register.isPending}>
                  Back
                </Button>
                {plan.locations.some((l) => !isRedundant(l)) && (
                  <Button
                    variant="contained"
                    onClick={() => register.mutate(plan)}
                    disabled={register.isPending}
                  >
                    {register.isPending
                      ? 'Importing…'
                      : plan.locations.every((l) => l.exists)
                        ? 'Refresh'
                        : 'Import'}
                  </Button>
                )}
              </Box>
            </Box>
          )}
          {activeStep === 2 && result && (
            <Box>
              <Typography variant="h6" component="h2" gutterBottom>
                Done
              </Typography>
              <ImportResultView result={result} />
              <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
                <Button variant="contained" onClick={restart}>
                  Register another
                </Button>
                <Button component={RouterLink} to={catalogIndexPath}>
                  Go to the catalog
                </Button>
              </Box>
            </Box>
          )}
        </CardContent>
      </Card>
    </Page>
  );
}
