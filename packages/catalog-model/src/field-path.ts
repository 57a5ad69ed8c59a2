/** Appends a property or index to a field path: `spec` + `owner` → `spec.owner`; + 2 → `spec[2]`. */
export function joinFieldPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
