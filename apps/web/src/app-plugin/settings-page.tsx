import { Page } from '@atrium/ui';
import { appThemeApiRef, identityApiRef, useApi } from '@atrium/web-kernel';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useSyncExternalStore } from 'react';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function ThemeChoice() {
  const themeApi = useApi(appThemeApiRef);
  const active = useSyncExternalStore(themeApi.subscribe, themeApi.getActiveTheme);
  return (
    <ToggleButtonGroup
      exclusive
      size="small"
      aria-label="Theme"
      value={active?.id ?? null}
      onChange={(_, id: string | null) => id && themeApi.setActiveThemeId(id)}
    >
      {themeApi.getThemes().map((theme) => (
        <ToggleButton key={theme.id} value={theme.id}>
          {theme.title}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

/**
 * The signed-in user's settings: profile, identity and ownership refs (what permission
 * checks see), theme, sign out.
 *
 * @example
 * PageBlueprint.make({ name: 'settings', params: { path: '/settings', loader: async () => <SettingsPage /> } });
 */
export function SettingsPage() {
  const identityApi = useApi(identityApiRef);
  const state = useSyncExternalStore(identityApi.subscribe, identityApi.getState);
  if (state.status !== 'signed-in') return null;
  const { profile, identity, providerId } = state.session;
  const name = profile.displayName ?? identity.userEntityRef;
  return (
    <Page title="Settings" subtitle="Your profile, identity and preferences">
      <Stack spacing={2} sx={{ maxWidth: 720 }}>
        <Section title="Profile">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Avatar src={profile.picture} alt="" sx={{ width: 56, height: 56 }}>
              {name.slice(0, 1).toUpperCase()}
            </Avatar>
            <div>
              <Typography variant="subtitle1">{name}</Typography>
              <Typography variant="body2" color="text.secondary">
                {profile.email ?? 'No email address'}
              </Typography>
            </div>
          </Stack>
        </Section>
        <Section title="Identity">
          <Typography variant="body2" color="text.secondary">
            Signed in with {providerId} as
          </Typography>
          <Typography sx={{ fontFamily: 'monospace' }} aria-label="User entity ref">
            {identity.userEntityRef}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 2, mb: 1 }}>
            Ownership refs (you and your groups)
          </Typography>
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }} aria-label="Ownership refs">
            {identity.ownershipEntityRefs.map((ref) => (
              <Chip key={ref} label={ref} size="small" variant="outlined" />
            ))}
          </Stack>
        </Section>
        <Section title="Appearance">
          <ThemeChoice />
        </Section>
        <div>
          <Button
            variant="outlined"
            startIcon={<LogoutOutlined />}
            onClick={() => void identityApi.signOut()}
          >
            Sign out
          </Button>
        </div>
      </Stack>
    </Page>
  );
}
