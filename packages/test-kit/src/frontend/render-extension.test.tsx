// @vitest-environment happy-dom
import {
  coreExtensionData,
  defineApiRef,
  defineBlueprint,
  defineExtension,
  defineExtensionInput,
  PageBlueprint,
  useApi,
} from '@atrium/web-kernel';
import { cleanup, screen } from '@testing-library/react';
import { createContext, useContext } from 'react';
import { useParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { renderExtension } from './render-extension.js';

afterEach(cleanup);

const greetingApiRef = defineApiRef<{ greet(name: string): string }>({ id: 'test.greeting' });
const NameContext = createContext('nobody');

function Greeting({ shout }: { shout: boolean }) {
  const text = useApi(greetingApiRef).greet(useContext(NameContext));
  return <p>{shout ? text.toUpperCase() : text}</p>;
}

/** A card as a plugin would publish it: config, an API, a context from its parent page. */
const GreetingCardBlueprint = defineBlueprint({
  kind: 'greeting-card',
  attachTo: { id: 'page:somewhere/else', input: 'cards' },
  output: { element: coreExtensionData.reactElement },
  config: z.object({ shout: z.boolean().default(false) }),
  factory: (_params: Record<string, never>, { config }) => ({ element: <Greeting shout={config.shout} /> }),
});

const board = defineExtension({
  kind: 'board',
  name: 'main',
  attachTo: { id: 'page:somewhere/else', input: 'boards' },
  inputs: { items: defineExtensionInput({ element: coreExtensionData.reactElement }) },
  output: { element: coreExtensionData.reactElement },
  factory: ({ inputs }) => ({
    element: (
      <ul aria-label="Board">
        {inputs.items.map((item) => (
          <li key={item.id}>{item.output.element}</li>
        ))}
      </ul>
    ),
  }),
});

const item = (name: string) =>
  defineExtension({
    kind: 'item',
    name,
    attachTo: { id: 'board:elsewhere/main', input: 'items' },
    output: { element: coreExtensionData.reactElement },
    factory: () => ({ element: <span>{name}</span> }),
  });

function EntityName() {
  return <p>{`entity ${useParams().name}`}</p>;
}

describe('renderExtension', () => {
  it('renders one extension with the given APIs, config and surrounding context', async () => {
    renderExtension(GreetingCardBlueprint.make({ params: {} }), {
      apis: [[greetingApiRef, { greet: (name: string) => `hello ${name}` }]],
      config: { shout: true },
      wrapper: ({ children }) => <NameContext.Provider value="ada">{children}</NameContext.Provider>,
    });
    expect(await screen.findByText('HELLO ADA')).toBeTruthy();
  });

  it('attaches the given extensions to its inputs, in order', async () => {
    const { app } = renderExtension(board, { inputs: { items: [item('first'), item('second')] } });
    const list = await screen.findByRole('list', { name: 'Board' });
    expect(list.textContent).toBe('firstsecond');
    expect([...app.tree.nodes.keys()]).toContain('item:test/second');
  });

  it('mounts a page at its route, so its parameters resolve', async () => {
    const page = PageBlueprint.make({
      params: { path: '/things/:name', loader: async () => <EntityName /> },
    });
    renderExtension(page, { routePath: '/things/:name', initialPath: '/things/widget' });
    expect(await screen.findByText('entity widget')).toBeTruthy();
  });

  it('fails at once, naming the problem, when the extension cannot be rendered as given', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() =>
      renderExtension(GreetingCardBlueprint.make({ params: {} }), { config: { shout: 'yes' } }),
    ).toThrow(/renderExtension\('greeting-card:test'\): the app reports \[WEB_EXTENSION_INVALID_CONFIG\]/);
    vi.restoreAllMocks();
  });
});
