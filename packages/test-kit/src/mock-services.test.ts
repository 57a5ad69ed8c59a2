import {
  coreServices,
  definePermission,
  definePlugin,
  type PermissionsService,
  type UrlReaderService,
} from '@atrium/kernel';
import { describe, expect, it } from 'vitest';
import { createCaptureLogger } from './capture-logger.js';
import { mockServices } from './mock-services.js';
import { startTestBackend } from './start-test-backend.js';

const read = definePermission({ name: 'probe.thing.read' });

describe('mockServices', () => {
  it('replace the logger, the permission policy and the URL reader', async () => {
    const logger = createCaptureLogger();
    let permissions: PermissionsService | undefined;
    let reader: UrlReaderService | undefined;
    const probe = definePlugin({
      id: 'probe',
      permissions: [read],
      deps: {
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        reader: coreServices.urlReader,
      },
      init({ deps }) {
        deps.logger.info('hello from probe');
        permissions = deps.permissions;
        reader = deps.reader;
      },
    });
    const backend = await startTestBackend({
      features: [
        probe,
        mockServices.rootLogger(logger),
        mockServices.permissionPolicy(() => ({ result: 'DENY' })),
        mockServices.urlReader({
          'https://example.com/a/catalog-info.yaml': 'kind: Component',
          'https://example.com/a/b.txt': 'b',
          'https://example.com/a/sub/deep.yaml': 'kind: API',
        }),
      ],
    });
    try {
      expect(logger.lines.some((l) => l.message === 'hello from probe' && l.meta.plugin === 'probe')).toBe(
        true,
      );
      const user = {
        $$type: '@atrium/Credentials' as const,
        principal: { type: 'user' as const, userEntityRef: 'user:default/a', ownershipEntityRefs: [] },
      };
      expect(await permissions!.authorize([{ permission: read }], { credentials: user })).toEqual([
        { result: 'DENY' },
      ]);
      expect((await (await reader!.readUrl('https://example.com/a/b.txt')).buffer()).toString()).toBe('b');
      const found = await reader!.search('https://example.com/a/*.yaml');
      expect(found.files.map((f) => f.url)).toEqual(['https://example.com/a/catalog-info.yaml']);
      const deep = await reader!.search('https://example.com/a/**/*.yaml');
      expect(deep.files.map((f) => f.url)).toEqual([
        'https://example.com/a/catalog-info.yaml',
        'https://example.com/a/sub/deep.yaml',
      ]);
      await expect(reader!.readUrl('https://example.com/missing')).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    } finally {
      await backend.stop();
    }
  });
});
