import { AppShell } from '@atrium/ui';
import { type AppLayoutProps, configApiRef, defineAppLayout, useApi } from '@atrium/web-kernel';
import { useEffect } from 'react';
import { ThemeSwitch } from './theme-switch.js';
import { UserMenu } from './user-menu.js';

function AtriumLayout({ navItems, actions, children }: AppLayoutProps) {
  const title = useApi(configApiRef).getOptionalString('app.title') ?? 'Atrium';
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <AppShell
      title={title}
      navItems={navItems}
      actions={
        <>
          {actions}
          <ThemeSwitch />
          <UserMenu />
        </>
      }
    >
      {children}
    </AppShell>
  );
}

/** The app's `app/layout`: the shell with the configured title, the left nav, plugins' top-bar actions, theme switch and user menu. */
export const appLayout = defineAppLayout({ component: AtriumLayout });
