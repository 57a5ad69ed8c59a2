import type { Entity } from '@atrium/catalog-model';

type Relation = [type: string, targetRef: string];

/**
 * Builds a test entity. `relations` are what the catalog is expected to derive from it and
 * its neighbours: a test backend waits until it serves them; a test without a backend
 * sees them as given.
 */
export function makeEntity(
  kind: string,
  name: string,
  spec: Record<string, unknown> = {},
  metadata: Partial<Entity['metadata']> = {},
  relations: Relation[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { uid: `uid-${kind.toLowerCase()}-${name}`, namespace: 'default', name, ...metadata },
    spec,
    relations: relations.map(([type, targetRef]) => ({ type, targetRef })),
  };
}

/** A small OpenAPI 3 document with two tags. */
export const petstoreDefinition = `openapi: 3.0.0
info:
  title: Petstore
  version: 1.2.0
  description: "Sells **pets**. <img src=x onerror=alert(1)>"
servers:
  - url: https://petstore.example.com/v1
tags:
  - name: pets
    description: Everything about pets
paths:
  /pets:
    get:
      tags: [pets]
      summary: List all pets
      parameters:
        - name: limit
          in: query
          required: false
          description: How many items to return
          schema: { type: integer, format: int32 }
      responses:
        '200':
          description: A paged array of pets
          content:
            application/json:
              schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
    post:
      tags: [pets]
      summary: Create a pet
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Pet' }
      responses:
        '201': { description: Created }
  /health:
    get:
      summary: Health check
      responses:
        '200': { description: OK }
components:
  schemas:
    Pet:
      type: object
      properties:
        id: { type: integer }
        name: { type: string }
`;

/** A catalog: a team with members, components, an API, a system, a resource; one API it consumes is missing. */
export function sampleCatalog(): Entity[] {
  return [
    makeEntity(
      'Group',
      'team-a',
      { type: 'team', children: [], profile: { displayName: 'Team A', email: 'team-a@example.com' } },
      {},
      [
        ['hasMember', 'user:default/ada'],
        ['hasMember', 'user:default/grace'],
        ['childOf', 'group:default/engineering'],
        ['ownerOf', 'component:default/petstore-service'],
        ['ownerOf', 'api:default/petstore-api'],
      ],
    ),
    makeEntity('Group', 'engineering', { type: 'department', children: ['team-a'] }, {}, [
      ['parentOf', 'group:default/team-a'],
    ]),
    makeEntity(
      'User',
      'ada',
      {
        memberOf: ['team-a'],
        profile: {
          displayName: 'Ada Lovelace',
          email: 'ada@example.com',
          picture: 'https://example.com/ada.png',
        },
      },
      {},
      [['memberOf', 'group:default/team-a']],
    ),
    makeEntity(
      'User',
      'grace',
      { memberOf: ['team-a'], profile: { displayName: 'Grace Hopper', picture: 'javascript:alert(1)' } },
      {},
      [['memberOf', 'group:default/team-a']],
    ),
    makeEntity(
      'Component',
      'petstore-service',
      {
        type: 'service',
        lifecycle: 'production',
        owner: 'team-a',
        system: 'pets',
        providesApis: ['petstore-api'],
        dependsOn: ['resource:pets-db'],
        consumesApis: ['gone-api'],
      },
      {
        title: 'Petstore Service',
        description: 'Sells pets online.',
        tags: ['java', 'pets'],
        links: [{ url: 'https://runbooks.example.com/petstore', title: 'Runbook' }],
        annotations: {
          'backstage.io/source-location': 'url:https://github.com/acme/petstore/tree/main/',
          'backstage.io/view-url': 'https://github.com/acme/petstore/blob/main/catalog-info.yaml',
          'backstage.io/edit-url': 'https://github.com/acme/petstore/edit/main/catalog-info.yaml',
        },
      },
      [
        ['ownedBy', 'group:default/team-a'],
        ['partOf', 'system:default/pets'],
        ['providesApi', 'api:default/petstore-api'],
        ['dependsOn', 'resource:default/pets-db'],
        ['consumesApi', 'api:default/gone-api'],
      ],
    ),
    makeEntity(
      'Component',
      'web-shop',
      { type: 'website', lifecycle: 'experimental', owner: 'team-b' },
      { description: 'The shop front.', tags: ['react'] },
      [['ownedBy', 'group:default/team-b']],
    ),
    makeEntity(
      'API',
      'petstore-api',
      { type: 'openapi', lifecycle: 'production', owner: 'team-a', definition: petstoreDefinition },
      { title: 'Petstore API' },
      [
        ['ownedBy', 'group:default/team-a'],
        ['apiProvidedBy', 'component:default/petstore-service'],
      ],
    ),
    makeEntity('API', 'events-api', {
      type: 'asyncapi',
      lifecycle: 'production',
      owner: 'team-b',
      definition: 'asyncapi: 2.6.0\ninfo:\n  title: Events\n',
    }),
    makeEntity('System', 'pets', { owner: 'team-a' }, {}, [
      ['hasPart', 'component:default/petstore-service'],
    ]),
    makeEntity('Resource', 'pets-db', { type: 'database', owner: 'team-a' }, {}, [
      ['dependencyOf', 'component:default/petstore-service'],
    ]),
  ];
}

/** A component whose every string tries to inject markup or script. */
export function hostileEntity(): Entity {
  return makeEntity(
    'Component',
    'evil',
    { type: 'service', lifecycle: 'production', owner: 'team-a' },
    {
      title: '<img src=x onerror="alert(1)">Evil',
      description: '<script>alert("xss")</script> **bold**',
      links: [
        { url: 'javascript:alert(document.cookie)', title: 'Click me' },
        { url: ' JaVaScRiPt:alert(1)', title: 'Sneaky' },
        { url: 'https://ok.example.com', title: 'Fine link' },
      ],
      annotations: {
        'backstage.io/view-url': 'javascript:alert(2)',
        'backstage.io/edit-url': 'data:text/html,<script>alert(3)</script>',
        'backstage.io/source-location': 'url:javascript:alert(4)',
      },
    },
  );
}

/**
 * A location whose target cannot be read: the catalog keeps it, with the reason in
 * `status.items` (a test backend waits for one item).
 */
export function brokenEntity(): Entity {
  const entity = makeEntity('Location', 'broken', { type: 'file', target: '/nonexistent/catalog-info.yaml' });
  entity.status = {
    items: [{ type: 'backstage.io/catalog-processing', level: 'error', message: 'expected' }],
  };
  return entity;
}
