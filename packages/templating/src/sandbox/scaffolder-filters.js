// The scaffolder's built-in filters (scaffolder.md §4). They run inside the sandbox realm:
// the sandbox process passes each function's source text, not the function, into the vm context, so
// every function here must be self-contained (no imports, no module-level names) apart from
// `projectSlug` calling `parseRepoUrl`, which is defined beside it in the realm.

/**
 * Parses the RepoUrlPicker value `"<host>?owner=<o>&repo=<r>"` (other providers add
 * `organization`, `workspace`, `project`) into its parts; host and repo are required.
 */
export function parseRepoUrl(repoUrl) {
  if (typeof repoUrl !== 'string' || repoUrl.trim() === '') {
    throw new Error(
      `parseRepoUrl expects a repo URL like "github.com?owner=o&repo=r", got ${JSON.stringify(repoUrl)}`,
    );
  }
  const queryStart = repoUrl.indexOf('?');
  const authority = (queryStart === -1 ? repoUrl : repoUrl.slice(0, queryStart)).split(/[/#]/)[0];
  const host = authority.toLowerCase();
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/.test(host)) {
    throw new Error(
      `Invalid repo URL "${repoUrl}": the host "${authority}" is missing or not a valid host name`,
    );
  }
  const decode = (text) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  const params = Object.create(null);
  const query = queryStart === -1 ? '' : repoUrl.slice(queryStart + 1).split('#')[0];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decode(equals === -1 ? pair : pair.slice(0, equals));
    // URLSearchParams.get() answers the first occurrence; mirror it.
    if (!Object.hasOwn(params, key)) params[key] = decode(equals === -1 ? '' : pair.slice(equals + 1));
  }
  if (!params.repo) {
    throw new Error(
      `Invalid repo URL "${repoUrl}": missing the "repo" parameter, e.g. "${host}?owner=o&repo=r"`,
    );
  }
  const parsed = { host, repo: params.repo };
  for (const key of ['owner', 'organization', 'workspace', 'project']) {
    if (params[key]) parsed[key] = params[key];
  }
  return parsed;
}

/** Turns a RepoUrlPicker value into `"owner/repo"`. */
export function projectSlug(repoUrl) {
  const { owner, repo } = parseRepoUrl(repoUrl);
  if (!owner) {
    throw new Error(`projectSlug needs an "owner" parameter in the repo URL "${repoUrl}"`);
  }
  return `${owner}/${repo}`;
}

/**
 * Parses an entity ref string `[kind:][namespace/]name` or a `{ kind?, namespace?, name }`
 * object into `{ kind, namespace, name }`, applying `{ defaultKind, defaultNamespace }`
 * with the catalog's rules (the first ':' ends the kind unless a '/' comes first).
 */
export function parseEntityRef(ref, context) {
  const defaults = context && typeof context === 'object' ? context : {};
  const shown = JSON.stringify(ref);
  if (!ref) throw new Error('parseEntityRef: the entity ref must not be empty');
  let parts;
  if (typeof ref === 'string') {
    const slash = ref.indexOf('/');
    let colon = ref.indexOf(':');
    if (slash !== -1 && slash < colon) colon = -1;
    parts = {
      kind: colon === -1 ? undefined : ref.slice(0, colon),
      namespace: slash === -1 ? undefined : ref.slice(colon + 1, slash),
      name: ref.slice(Math.max(colon + 1, slash + 1)),
    };
    if (parts.kind === '' || parts.namespace === '' || parts.name === '') {
      throw new Error(`Entity ref ${shown} is not of the form [<kind>:][<namespace>/]<name>`);
    }
  } else if (typeof ref === 'object' && !Array.isArray(ref)) {
    parts = { kind: ref.kind, namespace: ref.namespace, name: ref.name };
  } else {
    throw new Error(`parseEntityRef expects a string or an object, got ${shown}`);
  }
  const kind = parts.kind ?? defaults.defaultKind;
  const namespace = parts.namespace ?? (defaults.defaultNamespace || 'default');
  const name = parts.name;
  if (!kind) {
    throw new Error(`Entity ref ${shown} has no kind and no defaultKind was given, e.g. "component:${ref}"`);
  }
  if (typeof kind !== 'string' || typeof namespace !== 'string' || typeof name !== 'string' || !name) {
    throw new Error(`Entity ref ${shown} has a missing or empty kind, namespace or name`);
  }
  return { kind, namespace, name };
}

/** Reads a nested property lodash-style: `pick(value, 'a.b[0]["c.d"]')`. */
export function pick(value, path) {
  if (typeof path !== 'string' && typeof path !== 'number') {
    throw new Error(`pick expects a property path string, got ${JSON.stringify(path)}`);
  }
  const text = String(path);
  const keys = [];
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '.') {
      if (key) keys.push(key);
      key = '';
    } else if (char === '[') {
      if (key) keys.push(key);
      key = '';
      const quote = text[i + 1] === '"' || text[i + 1] === "'" ? text[i + 1] : '';
      const close = quote ? text.indexOf(`${quote}]`, i + 2) : text.indexOf(']', i + 1);
      if (close === -1) throw new Error(`pick: unbalanced "[" in the path ${JSON.stringify(text)}`);
      keys.push(quote ? text.slice(i + 2, close) : text.slice(i + 1, close).trim());
      i = quote ? close + 1 : close;
    } else {
      key += char;
    }
  }
  if (key) keys.push(key);
  let current = value;
  for (const part of keys) {
    // Own properties only: a template must not reach prototypes through pick().
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
}
