import type { AttackTarget } from './attack-target.js';
import {
  component,
  type Descriptor,
  registerLocation,
  template,
  waitForEntity,
  yamlDocuments,
} from './attacker-actions.js';
import type { LoopbackHost } from './loopback-host.js';
import { RESTRICTED_GROUP } from './restricted-policy.js';
import type { Subject } from './route-fixtures.js';

type Planted = Omit<Subject, 'taskId'>;

/** What {@link plantCanaries} registered, and the strings the restricted user must never see. */
export interface Canaries {
  /** Owned by another team: the restricted user may not read it. */
  hidden: Planted;
  /** Owned by the restricted user's group. */
  visible: Planted;
  /** Never registered (its file exists on the host, so only registration differs). */
  missing: Omit<Planted, 'uid' | 'locationId'>;
  /** uids of every entity the restricted user may not read, refs of those that are not Locations, and the hidden names. */
  forbidden: string[];
}

function owned(name: string, owner: string): Descriptor[] {
  const entity = component(name, { spec: { owner } });
  const runnable = template(
    `${name}-template`,
    [],
    [{ id: 'log', action: 'debug:log', input: { message: 'hi' } }],
  );
  (runnable.spec as Record<string, unknown>).owner = owner;
  return [entity, runnable];
}

function subjectOf(name: string, target: string): Omit<Planted, 'uid' | 'locationId'> {
  return {
    kind: 'component',
    namespace: 'default',
    name,
    ref: `component:default/${name}`,
    locationTarget: target,
    templateName: `${name}-template`,
    templateRef: `template:default/${name}-template`,
  };
}

/**
 * Registers, through a loopback host on the allow-list, a visible and a hidden component
 * with a template each, and serves a third, unregistered, as the "missing" one.
 */
export async function plantCanaries(
  target: AttackTarget,
  host: LoopbackHost,
  adminToken: string,
  suffix: string,
): Promise<Canaries> {
  const names = {
    hidden: `canary-hidden-${suffix}`,
    visible: `canary-visible-${suffix}`,
    missing: `canary-missing-${suffix}`,
  };
  const owners = {
    hidden: 'group:default/security-other-team',
    visible: RESTRICTED_GROUP,
    missing: 'group:default/security-other-team',
  };
  const planted: Partial<Record<'hidden' | 'visible', Planted>> = {};
  const subjects = {} as Record<'hidden' | 'visible' | 'missing', Omit<Planted, 'uid' | 'locationId'>>;
  for (const which of ['hidden', 'visible', 'missing'] as const) {
    const path = `/${names[which]}/catalog-info.yaml`;
    host.serve(path, yamlDocuments(...owned(names[which], owners[which])));
    subjects[which] = subjectOf(names[which], `${host.origin}${path}`);
  }
  for (const which of ['hidden', 'visible'] as const) {
    const subject = subjects[which];
    const registered = await registerLocation(target, adminToken, {
      type: 'url',
      target: subject.locationTarget,
    });
    if (registered.status !== 201)
      throw new Error(`registering the ${which} canary failed: ${registered.text}`);
    const entity = await waitForEntity(target, adminToken, { kind: 'component', name: subject.name });
    await waitForEntity(target, adminToken, { kind: 'template', name: subject.templateName });
    planted[which] = {
      ...subject,
      uid: String((entity.metadata as { uid: string }).uid),
      locationId: (registered.json as { location: { id: string } }).location.id,
    };
  }
  const all = (await target.call('GET', '/api/catalog/entities', { token: adminToken })).json as Descriptor[];
  const forbidden = [names.hidden];
  for (const entity of all) {
    const metadata = entity.metadata as { name: string; namespace?: string; uid: string };
    const relations = (entity.relations ?? []) as Array<{ type: string; targetRef: string }>;
    if (relations.some((r) => r.type === 'ownedBy' && r.targetRef === RESTRICTED_GROUP)) continue;
    forbidden.push(metadata.uid.toLowerCase());
    // A Location's ref is a hash of its target: a caller who names the target can compute it.
    if (entity.kind !== 'Location')
      forbidden.push(
        `${String(entity.kind)}:${metadata.namespace ?? 'default'}/${metadata.name}`.toLowerCase(),
      );
  }
  return { hidden: planted.hidden!, visible: planted.visible!, missing: subjects.missing, forbidden };
}
