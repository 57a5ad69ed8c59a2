// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax.
// Class 5: template parameters are the caller's text. Through the shipped example
// templates (dry run and real tasks) and a template of the attacker's own, a user tries
// to add documents, keys or anchors to generated YAML, to have their text evaluated as a
// template, and to register entities that reach outside the published repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import {
  api,
  isFinishedTask,
  location,
  registerLocation,
  runTask,
  template,
  waitForEntity,
  wholeCatalog,
  yamlDocuments,
} from './support/attacker-actions.js';
import { createAttempts } from './support/expect-refused.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import {
  checkRendered,
  filesOf,
  injected,
  injections,
  literal,
  r,
  ssti,
} from './support/template-injections.js';

const EXAMPLES = ['node-service', 'docs-site', 'ts-library'];

describe.each(testDatabaseKinds())('template injection on %s', (kind) => {
  let target: AttackTarget;
  let host: LoopbackHost;
  let token: string;
  const textFields = (name: string) => {
    const doc = parse(readFileSync(join(target.root, 'examples/templates', name, 'template.yaml'), 'utf8'));
    const pages = doc.spec.parameters as Array<{
      properties?: Record<string, { type?: string; enum?: unknown }>;
    }>;
    return pages.flatMap((page) =>
      Object.entries(page.properties ?? {})
        .filter(([, p]) => p.type === 'string' && !p.enum)
        .map(([field]) => field),
    );
  };
  // Defaults are the form's job: a task posted directly carries every value itself.
  const validValues = (i: number, name = 'node-service') => ({
    name: `inj-${r}-${i}`,
    owner: 'group:default/team-devex',
    description: 'A service.',
    ...(name === 'node-service' ? { lifecycle: 'experimental', port: 3000 } : {}),
  });

  beforeAll(async () => {
    host = await startLoopbackHost();
    target = await startAttackTarget(kind, {
      config: { backend: { reading: { allow: [{ host: host.host }] } } },
    });
    token = await target.signInAsGuest();
    await waitForEntity(target, token, { kind: 'template', name: 'ts-library' });
  });
  afterAll(async () => {
    await target?.stop();
    await host?.close();
  });

  it('keeps every parameter of the example templates out of the generated YAML structure (dry run)', async () => {
    const attempts = createAttempts(target.secrets);
    let i = 0;
    for (const name of EXAMPLES) {
      const dir = join(target.root, 'examples/templates', name);
      const templateYaml = readFileSync(join(dir, 'template.yaml'), 'utf8');
      const directoryContents = filesOf(dir).filter((f) => f.path !== 'template.yaml');
      for (const field of textFields(name)) {
        for (const [label, value] of Object.entries(injections)) {
          const values = { ...validValues(i++, name), [field]: value };
          const body = { template: templateYaml, values, directoryContents };
          const reply = await target.call('POST', '/api/scaffolder/v2/dry-run', { token, body });
          checkRendered(attempts, reply, `${name}.${field} with ${label}`);
        }
      }
    }
    attempts.assertAllRefused();
  });

  it('refuses values that break a template schema, in a task and in a dry run', async () => {
    const attempts = createAttempts(target.secrets);
    const broken = [
      { name: `Bad Name ${r}`, owner: 'group:default/team-devex' },
      { name: `x\n---\nkind: Component`, owner: 'group:default/team-devex' },
      { name: 'a'.repeat(64), owner: 'group:default/team-devex' },
      { name: `ok-${r}`, owner: 'group:default/team-devex\n---\nkind: Component' },
      { name: `ok-${r}` },
      { name: 42, owner: 'group:default/team-devex' },
    ];
    const dir = join(target.root, 'examples/templates/node-service');
    const templateYaml = readFileSync(join(dir, 'template.yaml'), 'utf8');
    const directoryContents = filesOf(dir).filter((f) => f.path !== 'template.yaml');
    for (const values of broken) {
      const reply = await target.call('POST', '/api/scaffolder/v2/tasks', {
        token,
        body: { templateRef: 'template:default/node-service', values },
      });
      attempts.check(reply.status === 400, `a task with ${JSON.stringify(values)}: answered ${reply.status}`);
      const body = { template: templateYaml, values, directoryContents };
      const dry = await target.call('POST', '/api/scaffolder/v2/dry-run', { token, body });
      attempts.check(dry.status === 400, `a dry run with ${JSON.stringify(values)}: answered ${dry.status}`);
    }
    attempts.assertAllRefused();
  });

  it('registers no entity of the attacker\u2019s choosing through a real run of each example template', async () => {
    const attempts = createAttempts(target.secrets);
    let i = 100;
    const runs: Array<{ ref: string; values: Record<string, unknown> }> = [];
    for (const name of EXAMPLES)
      for (const field of ['name', 'owner', 'description'])
        runs.push({
          ref: `template:default/${name}`,
          values: { ...validValues(i++, name), [field]: injections['a newline and a new document'] },
        });
    runs.push({
      ref: 'template:default/node-service',
      values: { ...validValues(i++), description: `${ssti}${literal}` },
    });
    for (const run of runs) {
      const result = await runTask(target, token, run.ref, run.values);
      if (isFinishedTask(result))
        attempts.leakedNothing(result.events, `${run.ref} with ${JSON.stringify(run.values)}`);
      else
        attempts.check(
          result.status === 400,
          `${run.ref}: answered ${result.status} ${result.text.slice(0, 200)}`,
        );
    }
    // A control run with plain values registers its component; the injected runs ran before it.
    const control = validValues(i++);
    const controlRun = await runTask(target, token, 'template:default/node-service', control);
    expect(
      isFinishedTask(controlRun) && controlRun.status,
      JSON.stringify(isFinishedTask(controlRun) ? controlRun.events.slice(-3) : controlRun),
    ).toBe('completed');
    await waitForEntity(target, token, { kind: 'component', name: control.name });
    const catalog = await wholeCatalog(target, token);
    attempts.check(!catalog.text.includes(`"${injected}"`), `the catalog holds ${injected}`);
    attempts.assertAllRefused();
  });

  it('refuses to register entities whose placeholders or child locations reach outside the published repository', async () => {
    const attempts = createAttempts(target.secrets);
    const reaching = {
      absolute: api(`reach-abs-${r}`, { $text: `file://${target.root}/data/secret.json` }),
      climb4: api(`reach-climb4-${r}`, { $text: '../../../../data/secret.json' }),
      climb5: api(`reach-climb5-${r}`, { $text: '../../../../../data/secret.json' }),
      config: api(`reach-config-${r}`, { $text: '../../../../app-config.security.yaml' }),
      child: location(`reach-child-${r}`, { type: 'file', target: '../../../../data/catalog-info.yaml' }),
    };
    const steps = [
      { id: 'write', action: 'catalog:write', input: { entity: '${{ parameters.entity }}' } },
      {
        id: 'publish',
        action: 'publish:git',
        input: { remoteUrl: '${{ environment.parameters.gitBase }}/${{ parameters.repo }}.git' },
      },
      {
        id: 'register',
        action: 'catalog:register',
        input: { repoContentsUrl: "${{ steps['publish'].output.repoContentsUrl }}" },
      },
    ];
    const reachOut = template('reach-out', ['repo'], steps);
    const spec = reachOut.spec as { parameters: Array<{ properties: Record<string, unknown> }> };
    spec.parameters[0]!.properties.entity = { type: 'object' };
    host.serve('/acme/reach/template.yaml', yamlDocuments(reachOut));
    await registerLocation(target, token, { type: 'url', target: `${host.origin}/acme/reach/template.yaml` });
    await waitForEntity(target, token, { kind: 'template', name: 'reach-out' });
    for (const [label, entity] of Object.entries(reaching)) {
      const values = { entity, repo: `reach-${label}-${r}` };
      const result = await runTask(target, token, 'template:default/reach-out', values);
      if (!isFinishedTask(result)) continue;
      attempts.check(
        result.status === 'failed',
        `registering an entity that reaches out (${label}): the task ended ${result.status}`,
      );
      attempts.leakedNothing(result.events, `the log of ${label}`);
    }
    attempts.leakedNothing(await wholeCatalog(target, token), 'the catalog');
    attempts.assertAllRefused();
  });
});
