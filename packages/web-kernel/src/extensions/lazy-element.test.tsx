// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExtensionBoundary } from '../app/extension-boundary.js';
import { lazyElement, preloadElement } from './lazy-element.js';

afterEach(cleanup);

describe('lazyElement', () => {
  it('shows progress while loading, then the element; a second mount renders it at once', async () => {
    let finish: (() => void) | undefined;
    const loader = vi.fn(
      () =>
        new Promise<React.ReactElement>((resolve) => {
          finish = () => resolve(<p>loaded page</p>);
        }),
    );
    const element = lazyElement(loader);
    render(element);
    expect(screen.queryByText('loaded page')).toBeNull();
    expect(screen.getByTestId('progress-pending')).toBeTruthy();
    finish?.();
    expect(await screen.findByText('loaded page')).toBeTruthy();
    cleanup();

    render(element);
    // Synchronously present: no spinner frame and no second download.
    expect(screen.getByText('loaded page')).toBeTruthy();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('renders the new element when another lazy element takes its place (a route switch)', async () => {
    const home = lazyElement(async () => <p>home page</p>);
    const catalog = lazyElement(async () => <p>catalog page</p>);
    const view = render(<main>{home}</main>);
    expect(await screen.findByText('home page')).toBeTruthy();
    view.rerender(<main>{catalog}</main>);
    expect(await screen.findByText('catalog page')).toBeTruthy();
    expect(screen.queryByText('home page')).toBeNull();
  });

  it('hands a failed load to the error boundary, whose Retry loads again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    const loader = vi.fn(async () => {
      if (fail) throw new Error('chunk went missing');
      return <p>second try</p>;
    });
    render(<ExtensionBoundary id="page:test/flaky">{lazyElement(loader)}</ExtensionBoundary>);
    expect((await screen.findByRole('alert')).textContent).toContain('chunk went missing');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('second try')).toBeTruthy();
    expect(loader).toHaveBeenCalledTimes(2);
  });
});

describe('preloadElement', () => {
  it('starts the download before the first render, also through an extension boundary', async () => {
    const loader = vi.fn(async () => <p>preloaded</p>);
    const element = <ExtensionBoundary id="entity-tab:test/tab">{lazyElement(loader)}</ExtensionBoundary>;
    preloadElement(element);
    preloadElement(element);
    expect(loader).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    render(element);
    expect(screen.getByText('preloaded')).toBeTruthy();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('settles once the code is loaded, so a test can render without waiting for it', async () => {
    let finish: (element: ReactElement) => void = () => undefined;
    const element = lazyElement(() => new Promise<ReactElement>((resolve) => (finish = resolve)));
    let settled = false;
    const preloaded = preloadElement(element).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
    finish(<p>loaded</p>);
    await preloaded;
    render(element);
    expect(screen.getByText('loaded')).toBeTruthy();
  });
});
