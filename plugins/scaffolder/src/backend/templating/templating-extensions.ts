// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import type { TemplatingExtension } from '../extension-points.js';

type Described = Record<string, Record<string, unknown>>;

const builtinFilters: Described = {
  parseRepoUrl: {
    description:
      'Parses a RepoUrlPicker value "host?owner=o&repo=r" into { host, repo, owner?, organization?, workspace?, project? }',
    schema: { input: { type: 'string' }, output: { type: 'object' } },
    examples: [{ example: '${{ parameters.repoUrl | parseRepoUrl }}' }],
  },
  parseEntityRef: {
    description:
      'Parses an entity ref into { kind, namespace, name }; takes optional { defaultKind, defaultNamespace }',
    schema: {
      input: { type: ['string', 'object'] },
      arguments: [{ type: 'object' }],
      output: { type: 'object' },
    },
    examples: [{ example: "${{ parameters.owner | parseEntityRef({ defaultKind: 'group' }) }}" }],
  },
  pick: {
    description: 'Reads a property path of an object, lodash-style',
    schema: { input: { type: 'object' }, arguments: [{ type: 'string' }] },
    examples: [{ example: "${{ parameters.owner | parseEntityRef | pick('name') }}" }],
  },
  projectSlug: {
    description: 'Turns a RepoUrlPicker value into "owner/repo"',
    schema: { input: { type: 'string' }, output: { type: 'string' } },
    examples: [{ example: '${{ parameters.repoUrl | projectSlug }}' }],
  },
};

const builtinFunctions: Described = {
  always: { description: 'True: a step whose if calls always() runs even after an earlier step failed' },
  failure: { description: 'True once a step failed: a step whose if calls failure() runs only then' },
};

/** The body of `GET /v2/templating-extensions`: built-in and module-added filters and globals. */
export function describeTemplatingExtensions(extensions: readonly TemplatingExtension[]) {
  const filters: Described = { ...builtinFilters };
  const functions: Described = { ...builtinFunctions };
  const values: Described = {};
  for (const extension of extensions) {
    for (const [name, filter] of Object.entries(extension.filters ?? {})) {
      const { source: _source, ...docs } = filter;
      filters[name] = docs;
    }
    for (const [name, global] of Object.entries(extension.globals ?? {})) {
      (global.kind === 'function' ? functions : values)[name] = { description: global.description };
    }
  }
  return { filters, globals: { functions, values } };
}

/** The sources the templater evaluates in its sandbox for module-added filters and globals. */
export function templatingSources(extensions: readonly TemplatingExtension[]) {
  const additionalFilters: Record<string, string> = {};
  const globals: Record<string, string> = {};
  for (const extension of extensions) {
    for (const [name, filter] of Object.entries(extension.filters ?? {}))
      additionalFilters[name] = filter.source;
    for (const [name, global] of Object.entries(extension.globals ?? {})) globals[name] = global.source;
  }
  return { additionalFilters, globals };
}
