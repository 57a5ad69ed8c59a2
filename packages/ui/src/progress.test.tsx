// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from './progress.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Progress', () => {
  it('shows a spinner only after its delay, so fast loads do not flash', () => {
    vi.useFakeTimers();
    render(<Progress delayMs={200} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(250));
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeTruthy();
  });
});
