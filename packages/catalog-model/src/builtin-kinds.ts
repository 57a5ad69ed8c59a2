import { defineKind, type KindDefinition } from './define-kind.js';
import {
  profileSchema,
  nonEmptyStringArraySchema as refs,
  specSchema,
  nonEmptyStringSchema as text,
} from './schema-fragments.js';
import { templateKind } from './template-kind.js';

/** The apiVersions accepted by every core (non-Template) kind. */
export const CORE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'] as const;

const core = CORE_API_VERSIONS;

/** The Component kind: a piece of software such as a service, website or library. */
export const componentKind = defineKind({
  kind: 'Component',
  apiVersions: core,
  description: 'A piece of software, such as a service, website or library.',
  schema: specSchema(['type', 'lifecycle', 'owner'], {
    type: text,
    lifecycle: text,
    owner: text,
    system: text,
    subcomponentOf: text,
    providesApis: refs,
    consumesApis: refs,
    dependsOn: refs,
    dependencyOf: refs,
  }),
});

// An `mcp-server` API describes its transports in `remotes` instead of a `definition`.
const apiSchema = {
  ...specSchema(['type', 'lifecycle', 'owner'], {
    type: text,
    lifecycle: text,
    owner: text,
    system: text,
    definition: text,
    remotes: {
      type: 'array',
      minItems: 1,
      items: specSchema(['type', 'url'], { type: text, url: text }),
    },
  }),
  if: { properties: { type: { const: 'mcp-server' } }, required: ['type'] },
  // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
  then: { required: ['remotes'] },
  else: { required: ['definition'] },
};

/** The API kind: an interface a component provides, such as an OpenAPI or gRPC API. */
export const apiKind = defineKind({
  kind: 'API',
  apiVersions: core,
  description: 'An interface that components provide or consume.',
  schema: apiSchema,
});

/** The Resource kind: infrastructure a component needs at runtime, such as a database. */
export const resourceKind = defineKind({
  kind: 'Resource',
  apiVersions: core,
  description: 'Infrastructure a component needs at runtime, such as a database or bucket.',
  schema: specSchema(['type', 'owner'], {
    type: text,
    owner: text,
    system: text,
    dependsOn: refs,
    dependencyOf: refs,
  }),
});

/** The System kind: a collection of components, APIs and resources. */
export const systemKind = defineKind({
  kind: 'System',
  apiVersions: core,
  description: 'A collection of components, APIs and resources that together expose a feature.',
  schema: specSchema(['owner'], { owner: text, domain: text, type: text }),
});

/** The Domain kind: a business area grouping systems. */
export const domainKind = defineKind({
  kind: 'Domain',
  apiVersions: core,
  description: 'A business area that groups systems.',
  schema: specSchema(['owner'], { owner: text, subdomainOf: text, type: text }),
});

/** The Group kind: a team or other organisational unit. */
export const groupKind = defineKind({
  kind: 'Group',
  apiVersions: core,
  description: 'A team, business unit or other group of people.',
  schema: specSchema(['type', 'children'], {
    type: text,
    profile: profileSchema,
    parent: text,
    children: refs,
    members: refs,
  }),
});

/** The User kind: a person. */
export const userKind = defineKind({
  kind: 'User',
  apiVersions: core,
  description: 'A person, such as an employee or contractor.',
  schema: specSchema(['memberOf'], { profile: profileSchema, memberOf: refs }),
});

/** The Location kind: a pointer to more catalog data. */
export const locationKind = defineKind({
  kind: 'Location',
  apiVersions: core,
  description: 'A marker that points at other places to read catalog data from.',
  schema: specSchema([], {
    type: text,
    target: text,
    targets: refs,
    presence: { enum: ['required', 'optional'] },
  }),
});

/** Every built-in kind, in the order their names are listed in messages. */
export const BUILTIN_KINDS: readonly KindDefinition[] = [
  componentKind,
  apiKind,
  resourceKind,
  systemKind,
  domainKind,
  groupKind,
  userKind,
  locationKind,
  templateKind,
];
