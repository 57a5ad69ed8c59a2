// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax.
// Class 2: a signed-in user makes the server fetch from places only the server can reach
// (loopback services, the cloud metadata address), directly, by another spelling of the
// address, through a placeholder, a child location, a scaffolder fetch or a redirect from
// an allowed host. An internal service counts every request: it must see none.
import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttackTarget, startAttackTarget } from './support/attack-target.js';
import {
  api,
  dryRunTemplate,
  isFinishedTask,
  location,
  registerLocation,
  runTask,
  template,
  waitForEntity,
  yamlDocuments,
} from './support/attacker-actions.js';
import { createAttempts } from './support/expect-refused.js';
import { type LoopbackHost, startLoopbackHost } from './support/loopback-host.js';
import { createMarker } from './support/secrets.js';

const fetchFile = template(
  'ssrf-fetch',
  ['source'],
  [
    {
      id: 'fetch',
      action: 'fetch:plain:file',
      input: { url: '${{ parameters.source }}', targetPath: 'got.txt' },
    },
    { id: 'show', action: 'debug:log', input: { listWorkspace: 'with-contents' } },
  ],
);

// Spellings of "a service on this machine, on a port that is not allowed".
const internalUrls = (port: number, allowedHost: string) => [
  `http://127.0.0.1:${port}/internal.yaml`,
  `http://localhost:${port}/internal.yaml`,
  `http://localhost.:${port}/internal.yaml`,
  `http://[::1]:${port}/internal.yaml`,
  `http://[::ffff:127.0.0.1]:${port}/internal.yaml`,
  `http://0.0.0.0:${port}/internal.yaml`,
  `http://2130706433:${port}/internal.yaml`,
  `http://0x7f000001:${port}/internal.yaml`,
  `http://0177.0.0.1:${port}/internal.yaml`,
  `http://127.1:${port}/internal.yaml`,
  `http://127.0.0.1.nip.io:${port}/internal.yaml`,
  `http://${allowedHost}@127.0.0.1:${port}/internal.yaml`,
  `http://127.0.0.1:${port}\\@${allowedHost}/internal.yaml`,
  `https://127.0.0.1:${port}/internal.yaml`,
  'http://169.254.169.254/latest/meta-data/internal.yaml',
  'http://[fd00:ec2::254]/latest/meta-data/internal.yaml',
];

describe.each(testDatabaseKinds())('server-side requests on %s', (kind) => {
  let target: AttackTarget;
  let allowed: LoopbackHost;
  let internal: LoopbackHost;
  let token: string;
  let urls: string[];
  const internalMarker = createMarker('internal');
  const redirect = (name: string) => `${allowed.origin}/acme/redirect/${name}.yaml`;

  beforeAll(async () => {
    allowed = await startLoopbackHost();
    internal = await startLoopbackHost();
    internal.serve('/internal.yaml', yamlDocuments(api('internal-service', internalMarker)));
    internal.serve('/latest/meta-data/internal.yaml', internalMarker);
    target = await startAttackTarget(kind, {
      config: { backend: { reading: { allow: [{ host: allowed.host }] } } },
    });
    target.secrets.add(internalMarker);
    token = await target.signInAsGuest();
    urls = internalUrls(internal.port, allowed.host);
    urls.forEach((url, index) => {
      allowed.serve(`/acme/redirect/${index}.yaml`, { status: 302, headers: { location: url } });
    });
    allowed.serve('/acme/redirect/file.yaml', {
      status: 302,
      headers: { location: `file://${target.root}/data/catalog-info.yaml` },
    });
    allowed.serve('/acme/templates/ssrf.yaml', yamlDocuments(fetchFile));
    await registerLocation(target, token, {
      type: 'url',
      target: `${allowed.origin}/acme/templates/ssrf.yaml`,
    });
    await waitForEntity(target, token, { kind: 'template', name: 'ssrf-fetch' });
  });
  afterAll(async () => {
    await target?.stop();
    await allowed?.close();
    await internal?.close();
  });

  it('refuses url locations on internal addresses at once: register, dry run, analyze', async () => {
    const attempts = createAttempts(target.secrets);
    for (const url of urls) {
      const spec = { type: 'url', target: url };
      attempts.refused(await registerLocation(target, token, spec), `register ${url}`);
      attempts.refused(await registerLocation(target, token, spec, true), `dry-run ${url}`);
      const analyzed = await target.call('POST', '/api/catalog/analyze-location', {
        token,
        body: { location: spec },
      });
      attempts.refused(analyzed, `analyze ${url}`);
    }
    attempts.assertAllRefused();
  });

  it('refuses redirects from an allowed host to internal addresses and to file:', async () => {
    const attempts = createAttempts(target.secrets);
    for (const name of [...urls.map((_, index) => String(index)), 'file']) {
      const spec = { type: 'url', target: redirect(name) };
      attempts.refused(await registerLocation(target, token, spec, true), `dry-run of a redirect to ${name}`);
      const analyzed = await target.call('POST', '/api/catalog/analyze-location', {
        token,
        body: { location: spec },
      });
      attempts.refused(analyzed, `analyze a redirect to ${name}`);
    }
    attempts.assertAllRefused();
  });

  it('refuses placeholders and child locations that point at internal addresses', async () => {
    const attempts = createAttempts(target.secrets);
    for (const [index, url] of urls.entries()) {
      const file = `/acme/attacker/${index}.yaml`;
      allowed.serve(
        file,
        yamlDocuments(
          api(`ssrf-text-${index}`, { $text: url }),
          location(`ssrf-child-${index}`, { type: 'url', target: url }),
        ),
      );
      const spec = { type: 'url', target: `${allowed.origin}${file}` };
      attempts.refused(
        await registerLocation(target, token, spec, true),
        `dry-run of a descriptor reaching ${url}`,
      );
      const body = { entity: api('ssrf-validate', { $text: url }), location: `url:${allowed.origin}${file}` };
      const validated = await target.call('POST', '/api/catalog/validate-entity', { token, body });
      attempts.refused(validated, `validate-entity reaching ${url}`);
    }
    attempts.assertAllRefused();
  });

  it('refuses scaffolder fetches of internal addresses, in a dry run and in a task', async () => {
    const attempts = createAttempts(target.secrets);
    for (const source of [...urls, redirect('0')]) {
      const dry = await dryRunTemplate(target, token, fetchFile, { source });
      const status = (dry.json as { status?: string } | undefined)?.status;
      attempts.check(dry.status >= 400 || status === 'failed', `dry run fetching ${source}: ${status}`);
      attempts.leakedNothing(dry, `dry run fetching ${source}`);
      const task = await runTask(target, token, 'template:default/ssrf-fetch', { source });
      if (!isFinishedTask(task)) attempts.refused(task, `task fetching ${source}`);
      else {
        attempts.check(task.status === 'failed', `task fetching ${source} ended ${task.status}`);
        attempts.leakedNothing(task.events, `the log of a task fetching ${source}`);
      }
    }
    attempts.assertAllRefused();
  });

  it('never let a request reach the internal service', () => {
    expect(internal.requests).toEqual([]);
  });
});
