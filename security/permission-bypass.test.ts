// Class 3: every read endpoint, covered by construction. The suite walks the OpenAPI
// document each installed plugin serves and calls every route as an anonymous caller
// (401 unless the route is one of the declared public ones) and as a user who may read
// only their group's entities: nothing hidden may show, and a hidden entity must look
// exactly like a missing one. A route added later is walked without a change here; one
// the walker cannot fill fails, naming the fixture to add.
import { randomBytes, randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, loadShippedFeatures, startAttackTarget } from './support/attack-target.js';
import { runTask } from './support/attacker-actions.js';
import type { Reply } from './support/http-caller.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import {
  declaredRoutes,
  fetchServedRoutes,
  fillRequest,
  routeKey,
  type ServedRoute,
} from './support/openapi-walker.js';
import { plantCanaries } from './support/permission-canaries.js';
import { RESTRICTED_GROUP, RESTRICTED_USER, restrictedPolicyConfig } from './support/restricted-policy.js';
import { routeFixtures, type Subject } from './support/route-fixtures.js';
import { scorecardsWalkerConfig, waitForScorecards } from './support/scorecards-ready.js';

/** Routes anyone may call without a credential. Adding one is a security decision: it goes here. */
const PUBLIC_ROUTES = [
  'GET /api/auth/providers',
  'GET /api/auth/{provider}/start',
  'GET /api/auth/{provider}/handler/frame',
  'GET /api/auth/{provider}/refresh',
  'POST /api/auth/{provider}/refresh',
  'POST /api/auth/{provider}/logout',
  'GET /api/auth/.well-known/jwks.json',
  'GET /api/auth/.well-known/openid-configuration',
  'GET /api/app/config',
  // The live frontend state: the same bundle list and app.extensions index.html carries.
  'GET /api/app/frontend-state',
  'GET /api/app/frontend-state/stream',
].sort();

const features = await loadShippedFeatures();
const declared = declaredRoutes(features);
const pluginIds = [...new Set(declared.map((r) => r.plugin))];
const changesState = (r: { plugin: string; operationId: string }) =>
  routeFixtures[`${r.plugin}.${r.operationId}`]?.changesState === true;
// Reads first: a route that changes state (and may wrongly delete a hidden thing) runs last.
const walk = [...declared.filter((r) => !changesState(r)), ...declared.filter(changesState)];

function normalise(reply: Reply, subject: Subject): { status: number; body: string } {
  let body = reply.text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>');
  const names: Array<[keyof Subject, string]> = [
    ['locationTarget', '<target>'],
    ['templateRef', '<template-ref>'],
    ['templateName', '<template>'],
    ['ref', '<ref>'],
    ['uid', '<uid>'],
    ['locationId', '<location>'],
    ['taskId', '<task>'],
    ['name', '<name>'],
  ];
  for (const [key, token] of names) body = body.split(subject[key]).join(token);
  return { status: reply.status, body };
}

describe.each(testDatabaseKinds())('permission bypass on %s', (kind) => {
  let target: AttackTarget;
  let host: LoopbackHost;
  let admin: string;
  let restricted: string;
  let served: ServedRoute[];
  let subjects: { hidden: Subject; missing: Subject; visible: Subject };
  let forbidden: string[];
  const suffix = randomBytes(4).toString('hex');
  const restrictedToken = () =>
    target.backend.userToken(RESTRICTED_USER, [RESTRICTED_USER, RESTRICTED_GROUP]);

  beforeAll(async () => {
    host = await startLoopbackHost();
    target = await startAttackTarget(kind, {
      config: (root) => ({
        backend: { reading: { allow: [{ host: host.host }] } },
        ...restrictedPolicyConfig(root),
        ...scorecardsWalkerConfig,
      }),
    });
    admin = await target.signInAsGuest();
    restricted = await restrictedToken();
    const canaries = await plantCanaries(target, host, admin, suffix);
    // Another user's tasks: one from each template; the restricted user may see only the visible one's.
    const taskOf = async (templateRef: string) => {
      const task = await runTask(target, admin, templateRef, {});
      if (!('id' in task)) throw new Error(`running ${templateRef} failed: ${task.status} ${task.text}`);
      return task.id;
    };
    subjects = {
      hidden: { ...canaries.hidden, taskId: await taskOf(canaries.hidden.templateRef) },
      visible: { ...canaries.visible, taskId: await taskOf(canaries.visible.templateRef) },
      missing: { ...canaries.missing, uid: randomUUID(), locationId: randomUUID(), taskId: randomUUID() },
    };
    forbidden = canaries.forbidden;
    await waitForScorecards(target, admin, [subjects.hidden.ref, subjects.visible.ref]);
    served = await fetchServedRoutes(target, pluginIds);
  });
  afterAll(async () => {
    await target?.stop();
    await host?.close();
  });

  it('serves an OpenAPI document for every plugin with exactly the routes its manifest declares', () => {
    expect(served.map(routeKey).sort()).toEqual(declared.map(routeKey).sort());
  });

  it('has exactly the declared public routes', () => {
    expect(
      served
        .filter((r) => r.isPublic)
        .map(routeKey)
        .sort(),
    ).toEqual(PUBLIC_ROUTES);
  });

  // `%s` of a plain string: an object's `$key` would be cut at 40 characters in the test name.
  it.each(walk.map(routeKey))('%s', async (key) => {
    const route = served.find((r) => routeKey(r) === key);
    if (!route) throw new Error(`${key} is declared but not in the served OpenAPI document`);
    const fixture = routeFixtures[`${route.plugin}.${route.operationId}`];
    const call = async (subject: Subject, token: string | undefined) => {
      const request = fillRequest(route, fixture, subject);
      if ('unfillable' in request) throw new Error(request.unfillable);
      const reply = await target.call(request.method, request.path, { ...request, token });
      // An answer may repeat what the caller sent; anything else hidden it must not carry.
      const sent = `${request.path} ${JSON.stringify(request.body ?? '')}`.toLowerCase();
      const shown = `${reply.text} ${JSON.stringify(reply.headers)}`.toLowerCase();
      const echoed = (f: string) => sent.includes(f) || sent.includes(f.slice(f.indexOf('/') + 1));
      const leaked = forbidden.filter((f) => !echoed(f) && shown.includes(f));
      return { reply, leaked };
    };

    for (const token of [undefined, 'not-a-token']) {
      const { reply } = await call(subjects.visible, token);
      if (!route.isPublic) expect(reply.status, `${route.path} with token ${token}: ${reply.text}`).toBe(401);
    }

    const fresh = fixture?.changesState ? await restrictedToken() : restricted;
    const hidden = await call(subjects.hidden, fresh);
    const missing = await call(
      subjects.missing,
      fixture?.changesState ? await restrictedToken() : restricted,
    );
    expect(
      hidden.leaked,
      `hidden subject: ${hidden.reply.status} ${hidden.reply.text.slice(0, 500)}`,
    ).toEqual([]);
    expect(missing.leaked, `missing subject: ${missing.reply.text.slice(0, 500)}`).toEqual([]);
    if (!fixture?.changesState) {
      const visible = await call(subjects.visible, restricted);
      expect(visible.leaked, `visible subject: ${visible.reply.text.slice(0, 500)}`).toEqual([]);
    }
    if (fixture?.sameAsMissing === true) {
      expect(
        normalise(hidden.reply, subjects.hidden),
        'a hidden subject must look exactly like a missing one',
      ).toEqual(normalise(missing.reply, subjects.missing));
    }
  });

  it('serves the routes outside the OpenAPI documents only to who may see them', async () => {
    const statuses = {
      'GET /metrics': (await target.call('GET', '/metrics')).status,
      'GET /.well-known/health/ready': (await target.call('GET', '/.well-known/health/ready')).status,
      'GET / (the web app)': (await target.call('GET', '/')).status,
    };
    expect(statuses).toEqual({
      'GET /metrics': 401,
      'GET /.well-known/health/ready': 200,
      'GET / (the web app)': 200,
    });
  });

  it('changed nothing hidden: the hidden entity and its location are still there', async () => {
    const { hidden } = subjects;
    const entity = `/api/catalog/entities/by-uid/${hidden.uid}`;
    expect((await target.call('GET', entity, { token: admin })).status).toBe(200);
    expect(
      (await target.call('GET', `/api/catalog/locations/${hidden.locationId}`, { token: admin })).status,
    ).toBe(200);
  });
});
