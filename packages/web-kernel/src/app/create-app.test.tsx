// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { defineApiFactory, defineApiRef } from '../apis/api-ref.js';
import { configApiRef } from '../apis/config-api.js';
import { useApi } from '../apis/use-api.js';
import { ApiBlueprint } from '../blueprints/api-blueprint.js';
import { NavItemBlueprint } from '../blueprints/nav-item-blueprint.js';
import { PageBlueprint } from '../blueprints/page-blueprint.js';
import { coreExtensionData } from '../extensions/core-extension-data.js';
import { defineExtension } from '../extensions/define-extension.js';
import { defineWebPlugin, type WebPlugin } from '../extensions/define-web-plugin.js';
import { defineExtensionInput } from '../extensions/extension-input.js';
import { createApp } from './create-app.js';

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  consoleError.mockRestore();
});

const greetingApiRef = defineApiRef<{ greet(name: string): string }>({ id: 'test.greeting' });

function Greeting() {
  const api = useApi(greetingApiRef);
  return <p>{api.greet('Ada')}</p>;
}

const flaky = { isBroken: true };
function Flaky() {
  if (flaky.isBroken) throw new Error('backend hiccup');
  return <p>recovered</p>;
}

function Bomb(): never {
  throw new Error('card exploded');
}

const dashboard = defineExtension({
  kind: 'page',
  name: 'dashboard',
  attachTo: { id: 'app/layout', input: 'routes' },
  inputs: { cards: defineExtensionInput({ element: coreExtensionData.reactElement }) },
  output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
  factory: ({ inputs }) => ({
    path: '/dashboard',
    element: (
      <section aria-label="dashboard">
        {inputs.cards.map((card) => (
          <div key={card.id}>{card.output.element}</div>
        ))}
      </section>
    ),
  }),
});
const card = (name: string, element: React.ReactElement) =>
  defineExtension({
    kind: 'card',
    name,
    attachTo: { id: 'page:test/dashboard', input: 'cards' },
    output: { element: coreExtensionData.reactElement },
    factory: () => ({ element }),
  });

const testPlugin: WebPlugin = defineWebPlugin({
  id: 'test',
  extensions: [
    PageBlueprint.make({
      name: 'hello',
      params: {
        path: '/hello',
        title: 'Hello',
        loader: () => Promise.resolve(<h1>Hello page</h1>),
      },
    }),
    NavItemBlueprint.make({ name: 'docs', params: { title: 'Docs', to: '/docs' } }),
    ApiBlueprint.make({
      params: defineApiFactory({
        api: greetingApiRef,
        deps: { config: configApiRef },
        factory: ({ config }) => ({
          greet: (name: string) => `${config.getOptionalString('app.greeting') ?? 'Hi'}, ${name}`,
        }),
      }),
    }),
    dashboard,
    card('greeting', <Greeting />),
    card('bomb', <Bomb />),
    card('static', <p>still here</p>),
  ],
});

const renderApp = (path: string, config: Record<string, unknown> = {}, features = [testPlugin]) => {
  const app = createApp({ features, config, initialEntries: [path] });
  render(app.createRoot());
  return app;
};

describe('createApp', () => {
  it('renders a lazily loaded page at its route, inside the shell with nav items', async () => {
    renderApp('/hello', { app: { title: 'Test Portal' } });
    expect(await screen.findByRole('heading', { name: 'Hello page' })).toBeTruthy();
    expect(screen.getByText('Test Portal')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Hello', 'Docs']);
  });

  it('shows the not-found page for unknown paths', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByText('Page not found')).toBeTruthy();
  });

  it('renders each extension inside a boundary that names it; siblings keep working', async () => {
    renderApp('/dashboard', { app: { greeting: 'Hello' } });
    expect(await screen.findByText('Hello, Ada')).toBeTruthy();
    expect(screen.getByText('still here')).toBeTruthy();
    const panel = screen.getByRole('alert');
    expect(panel.textContent).toContain("Extension 'card:test/bomb' failed");
    expect(panel.textContent).toContain('card exploded');
    expect(
      consoleError.mock.calls.some((call) => String(call[0]).includes("extension 'card:test/bomb'")),
    ).toBe(true);
  });

  it('retries a failed extension from its panel', async () => {
    flaky.isBroken = true;
    const plugin = defineWebPlugin({ id: 'test', extensions: [dashboard, card('flaky', <Flaky />)] });
    renderApp('/dashboard', {}, [plugin]);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    flaky.isBroken = false;
    fireEvent.click(retry);
    expect(await screen.findByText('recovered')).toBeTruthy();
  });

  it('applies app.extensions: disable, configure and reorder without code', async () => {
    renderApp('/greeting', {
      app: {
        extensions: [
          'nav-item:test/docs',
          { 'page:test/hello': { config: { path: '/greeting', title: 'Greeting' } } },
          { 'card:test/bomb': false },
        ],
      },
    });
    expect(await screen.findByRole('heading', { name: 'Hello page' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/greeting', '/docs']);
  });

  it('still renders the app when an extension is mis-attached, and logs a clear error', async () => {
    const stray = defineExtension({
      kind: 'entity-card',
      name: 'about',
      attachTo: { id: 'entity-tab:catalog/overview', input: 'cards' },
      output: { element: coreExtensionData.reactElement },
      factory: () => ({ element: <p>about</p> }),
    });
    const app = renderApp('/hello', {}, [testPlugin, defineWebPlugin({ id: 'stray', extensions: [stray] })]);
    expect(await screen.findByRole('heading', { name: 'Hello page' })).toBeTruthy();
    expect(app.diagnostics).toHaveLength(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toContain(
      "AtriumError [WEB_EXTENSION_MISSING_PARENT]: extension 'entity-card:stray/about' attaches to 'entity-tab:catalog/overview'",
    );
  });

  it('shows what went wrong when the app itself cannot be built', () => {
    const badRoot = defineExtension({
      id: 'app/root',
      attachTo: { id: 'app', input: 'root' },
      output: { element: coreExtensionData.reactElement },
      factory: () => {
        throw new Error('no root today');
      },
    });
    renderApp('/', {}, [defineWebPlugin({ id: 'app', extensions: [badRoot] })]);
    expect(screen.getByRole('alert').textContent).toContain('WEB_EXTENSION_FACTORY_FAILED');
  });
});
