import { Page } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { catalogApiRef } from '../api/catalog-api.js';
import { DoneStep } from './done-step.js';
import { type ImportPlan, type ImportResult, planImport, runImport } from './import-plan.js';
import { LocationStep } from './location-step.js';
import { ReviewStep } from './review-step.js';

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
          {activeStep === 0 && <LocationStep target={target} onTargetChange={setTarget} analyze={analyze} />}
          {activeStep === 1 && plan && <ReviewStep plan={plan} register={register} onBack={restart} />}
          {activeStep === 2 && result && <DoneStep result={result} onRestart={restart} />}
        </CardContent>
      </Card>
    </Page>
  );
}
