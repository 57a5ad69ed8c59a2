import { InputError } from '@atrium/errors';

/** A location in object form: how to read it (`url`, `file`, ...) and what to read. */
export type LocationRef = {
  type: string;
  target: string;
};

const LOCATION_GRAMMAR =
  '<type>:<target>, e.g. "url:https://github.com/org/repo/blob/main/catalog-info.yaml"';

/**
 * Parses a string location ref such as the value of `backstage.io/managed-by-location`.
 * The first ':' separates the type from the target; both are trimmed and must be non-empty.
 * Throws `InputError` otherwise, and for a bare `http(s)://` URL (it needs the `url:` type).
 *
 * @example
 * parseLocationRef('url:https://host/org/repo/catalog-info.yaml');
 * // => { type: 'url', target: 'https://host/org/repo/catalog-info.yaml' }
 */
export function parseLocationRef(ref: string): LocationRef {
  if (typeof ref !== 'string') {
    throw new InputError(`location ref must be a string, found ${typeof ref}`);
  }
  const colon = ref.indexOf(':');
  const type = colon === -1 ? '' : ref.slice(0, colon).trim();
  const target = colon === -1 ? '' : ref.slice(colon + 1).trim();
  if (!type || !target) {
    throw new InputError(`location ref "${ref}" is not valid; expected ${LOCATION_GRAMMAR}`, {
      details: { ref },
    });
  }
  if (type === 'http' || type === 'https') {
    throw new InputError(`location ref "${ref}" has no type; prefix it with "url:", e.g. "url:${ref}"`, {
      details: { ref },
    });
  }
  return { type, target };
}

/**
 * The string form `<type>:<target>` of a location; throws `InputError` for an empty part.
 *
 * @example
 * stringifyLocationRef({ type: 'file', target: './catalog-info.yaml' }); // 'file:./catalog-info.yaml'
 */
export function stringifyLocationRef(ref: LocationRef): string {
  if (!ref.type) throw new InputError('cannot stringify a location ref with an empty type');
  if (!ref.target)
    throw new InputError(`cannot stringify location ref of type '${ref.type}' with an empty target`);
  return `${ref.type}:${ref.target}`;
}
