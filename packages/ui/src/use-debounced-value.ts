import { useEffect, useState } from 'react';

/**
 * The value, updated only after it stopped changing for `delayMs`, so typing in a picker
 * or a search box sends one query per pause instead of one per key.
 *
 * @example
 * const term = useDebouncedValue(input, 250);
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
