/**
 * The dotted path of the first key or string value holding a NUL character (U+0000), or
 * `undefined`. PostgreSQL text cannot hold one, so an entity carrying it is refused when
 * it is processed, on both databases, instead of failing the processing round that would
 * write it. Walks with its own stack, however deep the value.
 *
 * @example
 * findNulCharacter({ metadata: { description: 'a\u0000b' } }); // 'metadata.description'
 */
export function findNulCharacter(root: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, inner] of Object.entries(value)) {
      const next = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return next;
      stack.push({ value: inner, path: next });
    }
  }
  return undefined;
}
