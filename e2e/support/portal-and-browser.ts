import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.js';
import { signInAsGuest } from './sign-in.js';
import { type RunningPortal, startPortal } from './start-portal.js';

/** A started portal and a browser on it, filled in by `beforeAll`. */
export interface PortalAndBrowser {
  portal: RunningPortal;
  browser: TestBrowser;
}

interface Options {
  /** Config merged over app-config.yaml; a function when it needs something started first. */
  config?: string | (() => string | Promise<string>);
  /** Signs the browser in as the guest once the portal is up. */
  signIn?: 'guest';
}

/**
 * Starts a portal and a browser before the file's tests and stops both after them: the
 * setup every browser test shares. Read `portal` and `browser` inside tests and hooks only.
 */
export function usePortalAndBrowser(options: Options = {}): PortalAndBrowser {
  const env = {} as PortalAndBrowser;
  beforeAll(async () => {
    const config = typeof options.config === 'function' ? await options.config() : options.config;
    env.portal = await startPortal(config);
    env.browser = await launchBrowser();
    if (options.signIn === 'guest') await signInAsGuest(env.browser.page, env.portal.url);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.portal?.stop();
  });
  return env;
}
