import type { JsonValue } from '../../common/index.js';

/** Replaces secret values wherever they appear in log text and outputs. */
export interface Redactor {
  add(values: Iterable<string>): void;
  redact(text: string): string;
  redactValue<T extends JsonValue | undefined>(value: T): T;
}

const MASK = '***';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Creates a redactor. Every occurrence of every secret is replaced, longest first (so a
 * secret containing another is masked whole), including its JSON-escaped form because
 * actions often log inputs with `JSON.stringify`.
 *
 * @example
 * const redactor = createRedactor(['hunter2']);
 * redactor.redact('password=hunter2'); // 'password=***'
 */
export function createRedactor(initial: Iterable<string> = []): Redactor {
  const secrets = new Set<string>();
  let pattern: RegExp | undefined;
  const redactor: Redactor = {
    add(values) {
      let changed = false;
      for (const value of values) {
        if (typeof value !== 'string' || value === '') continue;
        for (const form of [value, JSON.stringify(value).slice(1, -1)]) {
          if (!secrets.has(form)) {
            secrets.add(form);
            changed = true;
          }
        }
      }
      if (changed) {
        const sorted = [...secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
        pattern = new RegExp(sorted.join('|'), 'g');
      }
    },
    redact: (text) => (pattern ? text.replace(pattern, MASK) : text),
    redactValue(value) {
      if (!pattern || value === undefined || value === null) return value;
      if (typeof value === 'string') return redactor.redact(value) as typeof value;
      if (Array.isArray(value)) return value.map((item) => redactor.redactValue(item)) as typeof value;
      if (typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value).map(([key, item]) => [key, redactor.redactValue(item)]),
        ) as typeof value;
      }
      return value;
    },
  };
  redactor.add(initial);
  return redactor;
}
