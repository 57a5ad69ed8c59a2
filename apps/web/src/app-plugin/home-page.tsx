import { EmptyState, Page } from '@atrium/ui';
import { appTreeApiRef, configApiRef, identityApiRef, useApi } from '@atrium/web-kernel';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';

/**
 * The start page: a welcome and a card per page that installed plugins contribute.
 *
 * @example
 * PageBlueprint.make({ name: 'home', params: { path: '/', title: 'Home', loader: async () => <HomePage /> } });
 */
export function HomePage() {
  const config = useApi(configApiRef);
  const identity = useApi(identityApiRef).getState();
  const pages = useApi(appTreeApiRef)
    .getPages()
    .filter((page) => page.path !== '/' && !page.path.includes(':'));
  const title = config.getOptionalString('app.title') ?? 'Atrium';
  const name = identity.status === 'signed-in' ? identity.session.profile.displayName : undefined;
  return (
    <Page
      title={name ? `Welcome, ${name}` : `Welcome to ${title}`}
      subtitle={config.getOptionalString('organization.name') ?? 'Your developer portal'}
    >
      <Typography variant="h6" component="h2" gutterBottom>
        Installed pages
      </Typography>
      {pages.length === 0 ? (
        <EmptyState
          title="No plugins installed yet"
          description="List frontend plugins in app.features (app-config.yaml) to see their pages here."
        />
      ) : (
        <Grid container spacing={2}>
          {pages.map((page) => (
            <Grid key={page.extensionId} size={{ xs: 12, sm: 6, lg: 4 }}>
              <Card>
                <CardActionArea component={RouterLink} to={page.path} sx={{ height: '100%' }}>
                  <CardContent>
                    <Typography
                      variant="subtitle1"
                      component="h3"
                      sx={{ display: 'flex', alignItems: 'center', gap: 1 }}
                    >
                      {page.title ?? page.path}
                      <ArrowForward fontSize="small" color="action" />
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {page.path} · from {page.pluginId ?? 'the app'}
                    </Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          ))}
        </Grid>
      )}
    </Page>
  );
}
