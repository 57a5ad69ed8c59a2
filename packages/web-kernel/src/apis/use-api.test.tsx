// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineApiFactory, defineApiRef } from './api-ref.js';
import { createApiRegistry } from './api-registry.js';
import { ApiProvider, useApi } from './use-api.js';

afterEach(cleanup);

interface Clock {
  now(): number;
}
interface Greeter {
  greet(): string;
}
const clockApiRef = defineApiRef<Clock>({ id: 'test.clock' });
const greeterApiRef = defineApiRef<Greeter>({ id: 'test.greeter' });

const clockFactory = defineApiFactory({ api: clockApiRef, deps: {}, factory: () => ({ now: () => 42 }) });
const greeterFactory = defineApiFactory({
  api: greeterApiRef,
  deps: { clock: clockApiRef },
  factory: ({ clock }) => ({ greet: () => `it is ${clock.now()}` }),
});

class Catch extends Component<{ children: ReactNode }, { message?: string }> {
  override state: { message?: string } = {};
  static getDerivedStateFromError(error: Error) {
    return { message: error.message };
  }
  override render() {
    return this.state.message ? <p role="alert">{this.state.message}</p> : this.props.children;
  }
}

describe('API registry', () => {
  it('builds an API once, after its dependencies', () => {
    const factory = vi.fn(() => ({ now: () => 1 }));
    const registry = createApiRegistry([greeterFactory, { ...clockFactory, factory }]);
    expect(registry.get(greeterApiRef).greet()).toBe('it is 1');
    registry.get(clockApiRef);
    expect(factory).toHaveBeenCalledOnce();
  });

  it('names the missing API and who needs it', () => {
    const registry = createApiRegistry([greeterFactory]);
    expect(() => registry.get(greeterApiRef)).toThrow(
      "no implementation of API 'test.clock', which API 'test.greeter' depends on, is installed",
    );
  });

  it('names the APIs in a dependency cycle', () => {
    const a = defineApiRef<unknown>({ id: 'a' });
    const b = defineApiRef<unknown>({ id: 'b' });
    const registry = createApiRegistry([
      { api: a, deps: { b }, factory: () => ({}) },
      { api: b, deps: { a }, factory: () => ({}) },
    ]);
    expect(() => registry.get(a)).toThrow("'a' -> 'b' -> 'a'");
  });
});

function Greeting() {
  return <p>{useApi(greeterApiRef).greet()}</p>;
}

describe('useApi', () => {
  it('returns the implementation from the nearest provider', () => {
    render(
      <ApiProvider registry={createApiRegistry([clockFactory, greeterFactory])}>
        <Greeting />
      </ApiProvider>,
    );
    expect(screen.getByText('it is 42')).toBeTruthy();
  });

  it('throws a clear error outside an app', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Catch>
        <Greeting />
      </Catch>,
    );
    expect(screen.getByRole('alert').textContent).toContain(
      "useApi('test.greeter') was called outside an Atrium app",
    );
    vi.restoreAllMocks();
  });
});
