// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError } from './describe-error.js';
import { ErrorPanel } from './error-panel.js';

afterEach(cleanup);

const serverBody = {
  error: { name: 'NotFoundError', message: "entity 'component:default/x' not found" },
  request: { method: 'GET', url: '/entities/by-name/component/default/x' },
  response: { statusCode: 404 },
};

describe('describeError', () => {
  it('reads the server error body', () => {
    expect(describeError(serverBody)).toEqual({
      name: 'NotFoundError',
      message: "entity 'component:default/x' not found",
      statusCode: 404,
    });
  });

  it('reads a body carried by an error object', () => {
    const error = Object.assign(new Error('Request failed'), { body: serverBody, statusCode: 404 });
    expect(describeError(error).message).toBe("entity 'component:default/x' not found");
  });

  it('falls back to the error message, a string, or a generic text', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({
      name: 'TypeError',
      message: 'Failed to fetch',
    });
    expect(describeError('boom').message).toBe('boom');
    expect(describeError(42).message).toBe('Something went wrong');
  });
});

describe('ErrorPanel', () => {
  it("shows the server's message and retries on click", () => {
    const onRetry = vi.fn();
    render(<ErrorPanel error={serverBody} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain("entity 'component:default/x' not found");
    expect(screen.getByText(/HTTP 404/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('has no Retry button without a handler', () => {
    render(<ErrorPanel error={new Error('nope')} title="Could not load" />);
    expect(screen.getByText('Could not load')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
