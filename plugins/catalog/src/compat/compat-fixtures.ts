import { createHash } from 'node:crypto';

/** Every entity the config location yields from `__fixtures__/catalog` (the generated Location aside). */
export const FIXTURE_REFS = [
  'location:default/compat-root',
  'group:default/acme',
  'group:default/team-a',
  'group:default/team-b',
  'group:default/team-c',
  'user:default/alice',
  'user:default/bob',
  'user:default/carol',
  'user:default/dave',
  'domain:default/retail',
  'system:default/shop',
  'component:default/shop-frontend',
  'component:default/shop-backend',
  'component:default/paymentgateway',
  'api:default/orders-api',
  'resource:default/shop-db',
  'system:platform/infra',
  'component:platform/deployer',
  'api:platform/events',
  'template:default/create-service',
  'location:default/nested',
  'location:default/deeper',
  'component:default/deep-worker',
  'resource:default/deep-queue',
  'component:default/survivor',
  'location:default/cycle',
] as const;

/** The fixture components, lowercased refs. */
export const FIXTURE_COMPONENTS = [
  'component:default/deep-worker',
  'component:default/paymentgateway',
  'component:default/shop-backend',
  'component:default/shop-frontend',
  'component:default/survivor',
  'component:platform/deployer',
];

// Not a fixture file because it is deliberately unparsable, and Biome parses every YAML
// file in the repository; the harness writes it into its copy of the catalog instead.
/** Content of `broken/invalid-yaml.yaml`: an unclosed flow sequence on line 5. */
export const INVALID_YAML = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: never-parsed',
  '  tags: [unclosed',
  'spec: {',
  '',
].join('\n');

/**
 * The name the catalog gives the Location entity of a registered or configured location:
 * `generated-` + sha1 hex of `<type>:<target>` (catalog contract §8, Locations).
 *
 * @example
 * generatedLocationName('url', 'https://example.com/catalog-info.yaml'); // 'generated-3f1c…'
 */
export function generatedLocationName(type: string, target: string): string {
  return `generated-${createHash('sha1').update(`${type}:${target}`).digest('hex')}`;
}

/** A relation as served: `<type> <targetRef>`, the shape tests compare. */
export function relationKeys(
  entity: { relations?: { type: string; targetRef: string }[] } | undefined,
): string[] {
  return (entity?.relations ?? []).map((relation) => `${relation.type} ${relation.targetRef}`);
}

/** One `status.items` entry of a served entity (the Backstage Entity type does not declare `status`). */
export interface StatusItem {
  type?: string;
  level?: string;
  message?: string;
  error?: { name?: string; message?: string };
}

/** The `status.items` of a served entity, or none. */
export function statusItems(entity: object | undefined): StatusItem[] {
  const status = (entity as { status?: { items?: StatusItem[] } } | undefined)?.status;
  return status?.items ?? [];
}
