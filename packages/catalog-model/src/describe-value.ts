const MAX_SHOWN_CHARACTERS = 80;

/** A short rendering of a value for messages: a quoted (and cut) string, else its type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > MAX_SHOWN_CHARACTERS ? `${value.slice(0, MAX_SHOWN_CHARACTERS)}…` : value;
    return JSON.stringify(cut);
  }
  return describeType(value);
}

/** The JSON type of a value as people say it: `null`, `array`, `object`, `string`, `number`... */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
