import { stringify } from 'yaml';

/** Sizes of the generated organisation. */
export interface OrgSize {
  roles: number;
  users: number;
  groups: number;
}

const groupRef = (i: number) => `group:default/g${i}`;
const userRef = (i: number) => `user:default/u${i}`;
// Groups form a tree of depth 3: 10 departments, each with sub-departments, then teams.
const parentOf = (i: number) => (i < 10 ? undefined : i < 60 ? i % 10 : 10 + (i % 50));

/** The user's ownership refs as sign-in puts them in the token (`ent`, transitive). */
export function ownershipRefs(user: number, size: OrgSize): string[] {
  const refs = [userRef(user)];
  for (let g: number | undefined = user % size.groups; g !== undefined; g = parentOf(g))
    refs.push(groupRef(g));
  return refs;
}

/**
 * A policy of `size.roles` roles: each held by a few groups and users, with rules by
 * name, resource type and action, some conditional, some denies.
 */
export function generatePolicy(size: OrgSize): unknown {
  const owner = { rule: 'IS_ENTITY_OWNER', params: { claims: ['$ownerRefs'] } };
  const roles = Array.from({ length: size.roles }, (_, i) => ({
    name: `role-${i}`,
    members: [groupRef(i % size.groups), groupRef((i * 7) % size.groups), userRef((i * 13) % size.users)],
    rules: [
      { permission: 'catalog.entity.read', effect: 'allow', conditions: owner },
      { resourceType: 'scaffolder-template', action: 'read', effect: 'allow' },
      { permission: 'catalog.location.read', effect: 'allow' },
      { action: 'create', effect: i % 3 === 0 ? 'allow' : 'deny' },
      { permission: `custom.thing-${i}.use`, effect: 'allow' },
    ],
  }));
  roles.push({
    name: 'operators',
    members: [userRef(0)],
    rules: [{ permission: '*', effect: 'allow' } as never],
  });
  return { roles };
}

/** The catalog: the groups (with parents), users in them and components owned by teams. */
export function generateCatalogYaml(size: OrgSize, components: number): string {
  const docs: unknown[] = [];
  for (let g = 0; g < size.groups; g++) {
    const parent = parentOf(g);
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `g${g}` },
      spec: { type: 'team', children: [], ...(parent === undefined ? {} : { parent: `g${parent}` }) },
    });
  }
  for (let u = 0; u < size.users; u++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: `u${u}` },
      spec: { memberOf: [`g${u % size.groups}`] },
    });
  }
  for (let c = 0; c < components; c++) {
    docs.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `c${c}` },
      spec: { type: 'service', lifecycle: 'production', owner: `g${60 + (c % (size.groups - 60))}` },
    });
  }
  return docs.map((d) => stringify(d)).join('---\n');
}
