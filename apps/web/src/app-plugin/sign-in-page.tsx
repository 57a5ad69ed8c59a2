import { ErrorPanel, Progress } from '@atrium/ui';
import { configApiRef, identityApiRef, useApi } from '@atrium/web-kernel';
import LoginOutlined from '@mui/icons-material/LoginOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const endedReasons: Record<string, string> = {
  expired: 'Your session expired. Sign in again to continue.',
  unauthorized: 'The server no longer accepts your session. Sign in again to continue.',
};

function Providers() {
  const identityApi = useApi(identityApiRef);
  const providers = useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: () => identityApi.listProviders(),
    // The page has its own Retry button; silent retries would only delay the error.
    retry: false,
  });
  // `?flow=redirect` on the page skips the popup (some browsers or policies block popups).
  const flow =
    new URLSearchParams(globalThis.location?.search).get('flow') === 'redirect' ? 'redirect' : 'popup';
  const signIn = useMutation({
    mutationFn: (providerId: string) => identityApi.signIn(providerId, { flow }),
  });
  if (providers.isPending) return <Progress delayMs={150} label="Loading sign-in options" />;
  if (providers.isError) {
    return (
      <ErrorPanel
        title="Could not reach the sign-in service"
        error={providers.error}
        onRetry={() => void providers.refetch()}
      />
    );
  }
  if (providers.data.length === 0) {
    return (
      <Alert severity="warning">
        No sign-in method is configured. Ask an administrator to set up auth providers.
      </Alert>
    );
  }
  return (
    <Stack spacing={1.5}>
      {providers.data.map((provider) => (
        <Button
          key={provider.id}
          variant="contained"
          size="large"
          startIcon={<LoginOutlined />}
          loading={signIn.isPending && signIn.variables === provider.id}
          onClick={() => signIn.mutate(provider.id)}
        >
          {provider.id === 'guest' ? 'Enter as guest' : `Sign in with ${provider.title}`}
        </Button>
      ))}
      {signIn.isError && (
        <ErrorPanel title="Sign-in failed" error={signIn.error} onRetry={() => signIn.reset()} />
      )}
    </Stack>
  );
}

/**
 * What signed-out users see: the app's name and a button per sign-in provider.
 *
 * @example
 * SignInPageBlueprint.make({ params: { loader: async () => <SignInPage /> } });
 */
export function SignInPage() {
  const config = useApi(configApiRef);
  const identityApi = useApi(identityApiRef);
  const state = useSyncExternalStore(identityApi.subscribe, identityApi.getState);
  const title = config.getOptionalString('app.title') ?? 'Atrium';
  const organization = config.getOptionalString('organization.name');
  const ended = state.status === 'signed-out' ? endedReasons[state.reason] : undefined;
  const failure = state.status === 'signed-out' && state.reason === 'failed' ? state.message : undefined;
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', px: 2 }}
    >
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent sx={{ p: 4 }}>
          <Typography variant="overline" color="primary">
            {organization ?? 'Developer portal'}
          </Typography>
          <Typography variant="h4" component="h1" gutterBottom>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            Sign in to search the software catalog and its docs, see how healthy it is on scorecards, and
            create new software from templates.
          </Typography>
          {failure && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              <strong>Sign-in failed.</strong> {failure}
            </Alert>
          )}
          {ended && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {ended}
            </Alert>
          )}
          <Providers />
        </CardContent>
      </Card>
    </Box>
  );
}
