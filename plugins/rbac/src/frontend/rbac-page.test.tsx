// @vitest-environment happy-dom
import { startTestBackend, type TestBackend } from '@atrium/test-kit';
import { renderExtension } from '@atrium/test-kit/frontend';
import { createApiRegistry, defineApiFactory } from '@atrium/web-kernel';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rbacPermissionPolicyFactory, rbacPlugin } from '../backend/index.js';
import { createRbacClient, type RbacClient, rbacApiRef } from './api/rbac-client.js';
import { canSeeRbacAdmin, rbacPage } from './plugin.js';

const ADMIN = 'user:default/admin';
const seeded = {
  roles: [
    {
      name: 'engineers',
      members: ['group:default/eng'],
      rules: [{ permission: 'rbac.policy.read', effect: 'allow' }],
    },
  ],
};

let backend: TestBackend;
let adminToken: string;

function clientFor(token: string): RbacClient {
  return createRbacClient({
    discoveryApi: { getBaseUrl: async (id: string) => `${backend.url}/api/${id}` },
    fetchApi: {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  } as Parameters<typeof createRbacClient>[0]);
}

beforeAll(async () => {
  backend = await startTestBackend({
    features: [rbacPlugin, rbacPermissionPolicyFactory],
    config: { permission: { rbac: { admins: [ADMIN] } } },
  });
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(backend.url);
  adminToken = await backend.userToken(ADMIN);
  await clientFor(adminToken).updateDraft({ body: { policy: seeded as never } });
});
afterAll(() => backend?.stop());
afterEach(cleanup);

describe('the RBAC admin page', () => {
  it('edits a role, saves the draft, shows the diff and publishes it', async () => {
    const client = clientFor(adminToken);
    renderExtension(rbacPage, { apis: [[rbacApiRef, client]], pluginId: 'rbac' });
    const roles = await screen.findByRole('list', { name: 'Roles' }, { timeout: 15_000 });
    fireEvent.click(within(roles).getByText('engineers'));
    const editor = await screen.findByRole('region', { name: 'Role engineers' });
    fireEvent.change(within(editor).getByLabelText('Description'), {
      target: { value: 'All of engineering' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByText(/Draft saved/);
    expect((await client.getDraft()).policy.roles[0]?.description).toBe('All of engineering');

    fireEvent.click(screen.getByRole('tab', { name: 'Publish' }));
    const changes = await screen.findByRole('list', { name: 'Changes' });
    expect(within(changes).getByText('engineers')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Version 1 is live.');
    expect((await client.getLivePolicy()).version?.policy.roles[0]?.description).toBe('All of engineering');

    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    await screen.findByText('Version 1 (live)');
  });

  it('shows the server refusal when the draft is invalid', async () => {
    renderExtension(rbacPage, { apis: [[rbacApiRef, clientFor(adminToken)]], pluginId: 'rbac' });
    const editor = await screen.findByRole('region', { name: /Role / });
    fireEvent.change(within(editor).getByLabelText('Name'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('The draft was not saved')).toBeTruthy();
  });

  it('hides the navigation entry from users who may not read the policy', async () => {
    const registryFor = (token: string) => {
      const client = clientFor(token);
      return createApiRegistry([defineApiFactory({ api: rbacApiRef, deps: {}, factory: () => client })]);
    };
    expect(await canSeeRbacAdmin(registryFor(adminToken))).toBe(true);
    expect(await canSeeRbacAdmin(registryFor(await backend.userToken('user:default/stranger')))).toBe(false);
  });
});
