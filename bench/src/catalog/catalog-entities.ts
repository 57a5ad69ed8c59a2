import type { Entity } from '@atrium/catalog-model';
import type { CatalogPlan } from './catalog-plan.js';
import { TAGS } from './catalog-words.js';
import type { SeededRandom } from './seeded-random.js';

const API_VERSION = 'backstage.io/v1alpha1';
const ORG = 'acme-bench';

function metadata(random: SeededRandom, name: string, description: string, withLinks: boolean) {
  const links = withLinks
    ? [
        { url: `https://grafana.${ORG}.example/d/${name}`, title: 'Dashboard', icon: 'dashboard' },
        ...(random.chance(0.5)
          ? [{ url: `https://runbooks.${ORG}.example/${name}`, title: 'Runbook', icon: 'docs' }]
          : []),
      ]
    : undefined;
  return {
    name,
    description,
    tags: random.sample(TAGS, 1 + random.int(4)),
    annotations: {
      'github.com/project-slug': `${ORG}/${name}`,
      ...(random.chance(0.3) ? { 'backstage.io/techdocs-ref': 'dir:.' } : {}),
    } as Record<string, string>,
    ...(links ? { links } : {}),
  };
}

/** The owning team of a system; every member of the system defaults to it. */
function systemOwner(plan: CatalogPlan, system: number): string {
  return plan.groups[plan.teams[(system * 7) % plan.teams.length] as number] as string;
}

/** A Group of the planned hierarchy, with its parent and children. */
export function buildGroup(plan: CatalogPlan, index: number, children: readonly number[]): Entity {
  const name = plan.groups[index] as string;
  const parent = plan.groupParents[index] as number;
  const type =
    parent === -1
      ? 'organization'
      : plan.divisions.includes(index)
        ? 'division'
        : plan.teams.includes(index)
          ? 'team'
          : 'department';
  return {
    apiVersion: API_VERSION,
    kind: 'Group',
    metadata: { name, description: `The ${name} ${type} of Acme.` },
    spec: {
      type,
      profile: { displayName: name.replace(/-/g, ' '), email: `${name}@${ORG}.example` },
      ...(parent === -1 ? {} : { parent: plan.groups[parent] }),
      children: children.map((child) => plan.groups[child] as string),
    },
  };
}

/** A User who belongs to one team, sometimes two. */
export function buildUser(plan: CatalogPlan, random: SeededRandom, index: number): Entity {
  const name = plan.userName(index);
  const team = (t: number) => plan.groups[plan.teams[t % plan.teams.length] as number] as string;
  const memberOf = [team(index)];
  if (random.chance(0.15)) memberOf.push(team(index + 1 + random.int(plan.teams.length - 1)));
  const displayName = name
    .replace(/-\d+$/, '')
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
  return {
    apiVersion: API_VERSION,
    kind: 'User',
    metadata: { name, description: `Engineer ${displayName} (#${index})` },
    spec: {
      profile: {
        displayName,
        email: `${name}@${ORG}.example`,
        picture: `https://avatars.${ORG}.example/${name}.png`,
      },
      memberOf: [...new Set(memberOf)],
    },
  };
}

/** A Domain owned by a division. */
export function buildDomain(plan: CatalogPlan, index: number): Entity {
  const name = plan.domainName(index);
  const owner = plan.groups[plan.divisions[index % plan.divisions.length] as number];
  return {
    apiVersion: API_VERSION,
    kind: 'Domain',
    metadata: { name, description: `Business domain ${name}.` },
    spec: { owner },
  };
}

/** A System in a domain, owned by a team. */
export function buildSystem(plan: CatalogPlan, random: SeededRandom, index: number): Entity {
  const name = plan.systemName(index);
  return {
    apiVersion: API_VERSION,
    kind: 'System',
    metadata: metadata(random, name, `The ${name} system and everything it runs.`, true),
    spec: {
      owner: systemOwner(plan, index),
      domain: plan.domainName(index % plan.counts.Domain),
      type: 'product',
    },
  };
}

/** A Component with the APIs it provides (decided by the caller) and random consumers and dependencies. */
export function buildComponent(
  plan: CatalogPlan,
  random: SeededRandom,
  index: number,
  providesApis: readonly string[],
): Entity {
  const name = plan.componentName(index);
  const system = plan.systemOf('Component', index);
  const resources = plan.sliceOf('Resource', system);
  const dependsOn = random
    .sample(
      Array.from({ length: resources.count }, (_, i) => resources.start + i),
      random.int(3),
    )
    .map((r) => `resource:${plan.resourceName(r)}`);
  if (random.chance(0.3)) {
    const other = (index + 1 + random.int(plan.counts.Component - 1)) % plan.counts.Component;
    dependsOn.push(`component:${plan.componentName(other)}`);
  }
  const consumesApis = Array.from({ length: random.int(4) }, () => plan.apiName(random.int(plan.counts.API)));
  const roll = random.next();
  const type = roll < 0.7 ? 'service' : roll < 0.85 ? 'website' : 'library';
  const lifecycle = random.pick(['production', 'production', 'production', 'experimental', 'deprecated']);
  const owner = random.chance(0.85)
    ? systemOwner(plan, system)
    : (plan.groups[random.pick(plan.teams)] as string);
  const meta = metadata(random, name, `${type} ${name} of the ${plan.systemName(system)} system.`, true);
  if (type === 'service') {
    meta.annotations = { ...meta.annotations, 'backstage.io/kubernetes-id': name };
    if (random.chance(0.4))
      meta.annotations['pagerduty.com/service-id'] = `P${(index * 7919).toString(36).toUpperCase()}`;
  }
  return {
    apiVersion: API_VERSION,
    kind: 'Component',
    metadata: { ...meta, labels: { tier: String(1 + random.int(3)) } },
    spec: {
      type,
      lifecycle,
      owner,
      system: plan.systemName(system),
      ...(providesApis.length > 0 ? { providesApis: [...providesApis] } : {}),
      ...(consumesApis.length > 0 ? { consumesApis: [...new Set(consumesApis)] } : {}),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    },
  };
}

function definition(type: string, name: string): string {
  if (type === 'graphql')
    return `type Query {\n  ${name.replace(/-/g, '_')}(id: ID!): Item\n}\n\ntype Item {\n  id: ID!\n  name: String!\n}\n`;
  if (type === 'grpc')
    return `syntax = "proto3";\n\nservice Api {\n  rpc Get (GetRequest) returns (Item);\n}\n\nmessage GetRequest { string id = 1; }\nmessage Item { string id = 1; string name = 2; }\n`;
  if (type === 'asyncapi')
    return `asyncapi: 2.6.0\ninfo:\n  title: ${name}\n  version: 1.0.0\nchannels:\n  ${name}.events:\n    subscribe:\n      message:\n        payload:\n          type: object\n          properties:\n            id: { type: string }\n`;
  return `openapi: 3.0.3\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n  /items:\n    get:\n      summary: List items\n      responses:\n        '200':\n          description: A page of items.\n  /items/{id}:\n    get:\n      summary: Get one item\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses:\n        '200':\n          description: The item.\n        '404':\n          description: Not found.\n`;
}

/** An API with a small inline definition. */
export function buildApi(plan: CatalogPlan, random: SeededRandom, index: number): Entity {
  const name = plan.apiName(index);
  const system = plan.systemOf('API', index);
  const roll = random.next();
  const type = roll < 0.7 ? 'openapi' : roll < 0.8 ? 'asyncapi' : roll < 0.9 ? 'graphql' : 'grpc';
  return {
    apiVersion: API_VERSION,
    kind: 'API',
    metadata: metadata(random, name, `${type} API ${name}.`, false),
    spec: {
      type,
      lifecycle: random.chance(0.9) ? 'production' : 'experimental',
      owner: systemOwner(plan, system),
      system: plan.systemName(system),
      definition: definition(type, name),
    },
  };
}

/** A Resource (database, cache, bucket or queue) of a system. */
export function buildResource(plan: CatalogPlan, random: SeededRandom, index: number): Entity {
  const name = plan.resourceName(index);
  const system = plan.systemOf('Resource', index);
  const type = ['database', 'cache', 's3-bucket', 'queue'][index % 4] as string;
  return {
    apiVersion: API_VERSION,
    kind: 'Resource',
    metadata: metadata(random, name, `${type} ${name}.`, false),
    spec: { type, owner: systemOwner(plan, system), system: plan.systemName(system) },
  };
}
