import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { gt } from 'semver';
import type { InstallReview } from '../../common/index.js';
import type { PluginsClient } from '../api/plugins-api-ref.js';
import { ActionError } from './action-error.js';
import { ConfigForm } from './config-form.js';
import { DeclarationList } from './declaration-list.js';
import { usePluginsMutation } from './use-plugins-mutation.js';

type Step = { label: string; run(client: PluginsClient, config: Record<string, unknown>): Promise<unknown> };

/** What enabling this reviewed version means given what serves now: enable, upgrade or roll back. */
function stepOf(review: InstallReview): Step | undefined {
  const { pluginId, version, enabledVersion } = review;
  const params = { pluginId };
  if (enabledVersion === null)
    return {
      label: `Enable ${version}`,
      run: (c, config) => c.enable({ params, body: { version, config } }),
    };
  if (enabledVersion === version) return undefined;
  if (gt(version, enabledVersion))
    return { label: `Upgrade to ${version}`, run: (c) => c.upgrade({ params, body: { version } }) };
  return { label: `Roll back to ${version}`, run: (c) => c.rollback({ params, body: { version } }) };
}

/**
 * The review after an install: what the package declares, its config form (when it has a
 * config schema) and the one action that makes it serve. Closing leaves it installed, not running.
 */
export function ReviewDialog({ review, onClose }: { review: InstallReview; onClose(): void }) {
  const [config, setConfig] = useState<Record<string, unknown>>({});
  const step = stepOf(review);
  const apply = usePluginsMutation(
    (client, value: Record<string, unknown>) => (step ? step.run(client, value) : Promise.resolve()),
    onClose,
  );
  const schema = review.declaration.configSchema;
  const showForm = step !== undefined && review.enabledVersion === null && schema !== undefined;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="review-title">
      <DialogTitle id="review-title">{`Review ${review.pluginId} ${review.version}`}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Installed, not running. Enabling runs this package's code with the backend's full trust.
        </Typography>
        {review.alreadyInstalled && (
          <Alert severity="info" sx={{ mb: 2 }}>
            This exact version was already installed.
          </Alert>
        )}
        <DeclarationList review={review} />
        {showForm && (
          <>
            <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
              Configuration
            </Typography>
            <ConfigForm
              schema={schema}
              value={config}
              onChange={setConfig}
              onSubmit={(value) => apply.mutate(value)}
              submitLabel={step.label}
              isBusy={apply.isPending}
            />
          </>
        )}
        {step === undefined && <Alert severity="info">{`${review.version} is serving now.`}</Alert>}
        <ActionError error={apply.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close without enabling</Button>
        {step && !showForm && (
          <Button variant="contained" disabled={apply.isPending} onClick={() => apply.mutate(config)}>
            {step.label}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
