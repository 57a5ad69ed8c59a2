import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createCaptureLogger,
  createTestDatabase,
  startTestBackend,
  testDatabaseKinds,
} from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { rbacPermissionPolicyFactory, rbacPlugin } from './index.js';

const GOOD =
  'roles:\n  - name: readers\n    members: [user:default/ann]\n    rules: [{ permission: rbac.policy.read, effect: allow }]\n';
const BAD =
  'roles:\n  - name: readers\n    members: [user:default/ann]\n    rules: [{ permission: rbac.policy.read, effect: allow }]\n  - name: writers\n    members: [ann]\n    rules: []\n';

describe.each(testDatabaseKinds())('the policy file on %s', (kind) => {
  it('replaces the live policy when valid; when invalid, names the role and field and keeps the last good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atrium-rbac-file-'));
    const file = join(dir, 'policy.yaml');
    const database = await createTestDatabase(kind, { file: true });
    const boot = async (text: string) => {
      writeFileSync(file, text);
      const logger = createCaptureLogger();
      const backend = await startTestBackend({
        features: [rbacPlugin, rbacPermissionPolicyFactory],
        config: {
          backend: { database: database.config },
          permission: { rbac: { policyFile: file, policyFileMode: 'replace' } },
        },
        logger,
      });
      const ann = await backend.userToken('user:default/ann');
      const status = (await backend.fetch('/api/rbac/versions', { token: ann })).status;
      await backend.stop();
      return { status, errors: logger.lines.filter((l) => l.level === 'error').map((l) => l.message) };
    };
    try {
      expect(await boot(GOOD)).toEqual({ status: 200, errors: [] });
      const bad = await boot(BAD);
      expect(bad.status).toBe(200);
      expect(bad.errors.join('\n')).toContain("role 'writers' (roles[1]), field 'members[0]'");
      expect(await boot('roles: []\n')).toEqual({ status: 403, errors: [] });
    } finally {
      await database.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
