import type { ExtensionDefinition } from '@atrium/web-kernel';
import type { ReactElement } from 'react';
import { EntityCardBlueprint } from '../blueprints/entity-card-blueprint.js';
import type { EntityFilter } from '../blueprints/entity-filter.js';

type BuiltinCards = typeof import('../overview/builtin-cards.js');

// Every built-in card comes from one module, so an entity page loads them as one chunk.
const card = (
  name: string,
  filter: EntityFilter | undefined,
  render: (cards: BuiltinCards) => ReactElement,
) =>
  EntityCardBlueprint.make({
    name,
    params: { filter, loader: () => import('../overview/builtin-cards.js').then(render) },
  });

const relationCard = (
  name: string,
  filter: EntityFilter,
  title: string,
  relation: string,
  emptyText: string,
) => card(name, filter, (m) => <m.RelationCard title={title} relations={[relation]} emptyText={emptyText} />);

const isPersonOrTeam = (entity: { kind: string }) => ['group', 'user'].includes(entity.kind.toLowerCase());

/** The catalog's own cards on the overview tab (`entity-card:catalog/<name>`), each for the kinds it fits. */
export const entityCardExtensions: ExtensionDefinition[] = [
  card(
    'about',
    (entity) => !isPersonOrTeam(entity),
    (m) => <m.AboutCard />,
  ),
  card('profile', { kind: ['Group', 'User'] }, (m) => <m.ProfileCard />),
  relationCard('has-parts', { kind: ['System', 'Domain'] }, 'Has parts', 'hasPart', 'No parts.'),
  relationCard('subcomponents', { kind: 'Component' }, 'Subcomponents', 'hasPart', 'No subcomponents.'),
  relationCard('provided-apis', { kind: 'Component' }, 'Provided APIs', 'providesApi', 'Provides no APIs.'),
  relationCard('consumed-apis', { kind: 'Component' }, 'Consumed APIs', 'consumesApi', 'Consumes no APIs.'),
  relationCard(
    'depends-on',
    { kind: ['Component', 'Resource'] },
    'Depends on',
    'dependsOn',
    'No dependencies.',
  ),
  relationCard(
    'dependency-of',
    { kind: ['Component', 'Resource'] },
    'Dependency of',
    'dependencyOf',
    'Nothing depends on this.',
  ),
  relationCard(
    'api-providers',
    { kind: 'API' },
    'Providers',
    'apiProvidedBy',
    'No component provides this API.',
  ),
  relationCard(
    'api-consumers',
    { kind: 'API' },
    'Consumers',
    'apiConsumedBy',
    'No component consumes this API.',
  ),
  card('members', { kind: 'Group' }, (m) => <m.MembersCard />),
  card('group-hierarchy', { kind: 'Group' }, (m) => <m.GroupHierarchyCard />),
  relationCard('member-of', { kind: 'User' }, 'Member of', 'memberOf', 'Not a member of any group.'),
  card('owned-entities', { kind: ['Group', 'User'] }, (m) => <m.OwnedEntitiesCard />),
];
