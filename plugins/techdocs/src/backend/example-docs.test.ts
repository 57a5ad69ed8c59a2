import { fileURLToPath } from 'node:url';
import catalogPlugin from '@atrium/catalog/backend';
import { parseSseBlocks } from '@atrium/http-api';
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { techdocsPlugin } from './plugin.js';

const EXAMPLES = fileURLToPath(new URL('../../../../examples/catalog/all.yaml', import.meta.url));
const KINDS = ['Component', 'System', 'API', 'Resource', 'Location', 'Domain', 'Group', 'User'];

// The docs `npm start` shows: every example site builds with no warning.
describe('the example docs', () => {
  let backend: TestBackend;
  let token: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [catalogPlugin, techdocsPlugin],
      config: {
        catalog: {
          locations: [{ type: 'file', target: EXAMPLES }],
          rules: [{ allow: KINDS }],
          processing: { pollInterval: { milliseconds: 50 } },
        },
        techdocs: { refreshInterval: { hours: 1 } },
      },
    });
    token = await backend.userToken();
  });
  afterAll(() => backend?.stop());

  async function sync(name: string) {
    for (let attempt = 0; attempt < 300; attempt++) {
      const response = await backend.fetch(`/api/techdocs/sync/default/component/${name}`, { token });
      if (response.status === 200)
        return parseSseBlocks(await response.text()).messages.map((m) => ({
          event: m.event,
          data: JSON.parse(m.data),
        }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the catalog never served component:${name}`);
  }

  it('builds documented entities as the catalog serves them, with no visit', async () => {
    const names = async () => {
      const body = await (await backend.fetch('/api/techdocs/entities', { token })).json();
      return (body.items as Array<{ name: string; status: string }>)
        .filter((e) => e.status === 'built')
        .map((e) => e.name)
        .sort();
    };
    for (let attempt = 0; attempt < 300 && (await names()).length < 3; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await names()).toEqual(['order-service', 'payments-service', 'storefront-web']);
  });

  it.each(['payments-service', 'storefront-web', 'order-service'])(
    'builds %s without warnings',
    async (name) => {
      const events = await sync(name);
      expect(events.at(-1)?.event).toBe('finish');
      expect(events.filter((e) => String(e.data).startsWith('warning:'))).toEqual([]);
      const site = await (
        await backend.fetch(`/api/techdocs/sites/default/component/${name}`, { token })
      ).json();
      expect(site.nav.length).toBeGreaterThan(1);
    },
  );

  it('renders the payments docs with admonitions, a diagram, an image and code', async () => {
    const get = async (path: string) =>
      (
        await backend.fetch(`/api/techdocs/static/docs/default/component/payments-service/${path}`, { token })
      ).text();
    const index = await get('index.html');
    expect(index).toContain('admonition-warning');
    expect(index).toContain(
      'src="/api/techdocs/static/docs/default/component/payments-service/images/payment-architecture.svg"',
    );
    const flow = await get('payment-flow/index.html');
    expect(flow).toContain('<pre class="mermaid">sequenceDiagram');
    expect(flow).toContain('hljs-keyword');
    expect(await get('images/payment-architecture.svg')).toContain('<svg');
  });
});
