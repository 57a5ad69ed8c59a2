// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { NavItemBlueprint } from '../blueprints/nav-item-blueprint.js';
import { PageBlueprint } from '../blueprints/page-blueprint.js';
import { defineWebPlugin } from '../extensions/define-web-plugin.js';
import { startLiveApp } from './live-app.js';

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  cleanup();
  consoleError.mockRestore();
});

const page = (name: string, path: string, title: string) =>
  PageBlueprint.make({ name, params: { path, title, loader: () => Promise.resolve(<h1>{title} page</h1>) } });

const builtIn = defineWebPlugin({
  id: 'test',
  extensions: [
    page('hello', '/hello', 'Hello'),
    page('other', '/other', 'Other'),
    NavItemBlueprint.make({ name: 'docs', params: { title: 'Docs', to: '/docs' } }),
  ],
});
// A runtime feature bundle, as `import()` of its URL would give it.
const dial = defineWebPlugin({ id: 'dial', extensions: [page('dial', '/dial', 'Dial')] });
const modules: Record<string, Record<string, unknown>> = {
  '/assets/features/dial-1/index.js': { default: dial },
};
const importModule = async (url: string) => {
  const module = modules[url];
  if (!module) throw new Error(`no module at ${url}`);
  return module;
};

const navLabels = () =>
  [...screen.getByRole('navigation', { name: 'Main' }).querySelectorAll('a')].map((a) => a.textContent);

async function startAt(path: string) {
  window.history.pushState(null, '', path);
  const live = await startLiveApp({ features: [builtIn], config: {}, bundles: [], importModule });
  const { container } = render(live.element);
  return { live, container };
}

describe('startLiveApp', () => {
  it('reorders pages and hides a nav item on a new state, staying on the current page', async () => {
    const { live } = await startAt('/hello');
    expect(await screen.findByRole('heading', { name: 'Hello page' })).toBeTruthy();
    expect(navLabels()).toEqual(['Hello', 'Other', 'Docs']);
    await act(() =>
      live.apply({ features: [], extensions: ['page:test/other', { 'nav-item:test/docs': false }] }),
    );
    expect(navLabels()).toEqual(['Other', 'Hello']);
    expect(screen.getByRole('heading', { name: 'Hello page' })).toBeTruthy();
    expect(window.location.pathname).toBe('/hello');
  });

  it('says a page was removed by an administrator when it goes away under the user, and brings it back', async () => {
    const { live } = await startAt('/other/deep');
    expect(await screen.findByRole('heading', { name: 'Other page' })).toBeTruthy();
    await act(() => live.apply({ features: [], extensions: [{ 'page:test/other': false }] }));
    expect(screen.getByRole('alert').textContent).toContain('This page was removed by an administrator');
    await act(() => live.apply({ features: [], extensions: [] }));
    expect(await screen.findByRole('heading', { name: 'Other page' })).toBeTruthy();
  });

  it('loads a newly enabled feature bundle and drops it when disabled', async () => {
    const { live } = await startAt('/dial');
    expect(await screen.findByText('Page not found')).toBeTruthy();
    const bundle = { name: '@acme/dial', url: '/assets/features/dial-1/index.js' };
    await act(() => live.apply({ features: [bundle], extensions: [] }));
    expect(await screen.findByRole('heading', { name: 'Dial page' })).toBeTruthy();
    expect(navLabels()).toContain('Dial');
    await act(() => live.apply({ features: [], extensions: [] }));
    expect(screen.getByRole('alert').textContent).toContain('removed by an administrator');
    expect(navLabels()).not.toContain('Dial');
  });

  it('shows a draft layout while previewing, and the pushed one after', async () => {
    const { live } = await startAt('/hello');
    await screen.findByRole('heading', { name: 'Hello page' });
    await act(() => live.apply({ features: [], extensions: [] }));
    await act(() => live.previewExtensions([{ 'nav-item:test/docs': false }]));
    expect(navLabels()).toEqual(['Hello', 'Other']);
    await act(() => live.previewExtensions(undefined));
    expect(navLabels()).toEqual(['Hello', 'Other', 'Docs']);
  });
});
