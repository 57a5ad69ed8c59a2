import { createCaptureLogger, startTestBackend } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../../definitions/define-plugin.js';
import { coreServices } from '../core-services.js';
import type { AuditorService } from './auditor-types.js';

describe('backend.auditor.severityLogLevelMappings', () => {
  it('prints each severity at the configured level', async () => {
    let auditor: AuditorService | undefined;
    const probe = definePlugin({
      id: 'probe',
      deps: { auditor: coreServices.auditor },
      init({ deps }) {
        auditor = deps.auditor;
      },
    });
    const logger = createCaptureLogger();
    const backend = await startTestBackend({
      features: [probe],
      logger,
      config: { backend: { auditor: { severityLogLevelMappings: { low: 'warn' } } } },
    });
    try {
      await auditor?.record({ eventId: 'thing.read', status: 'succeeded' });
      await auditor?.record({ eventId: 'thing.write', severityLevel: 'medium', status: 'succeeded' });
      const printed = logger.lines.filter((line) => line.meta.isAuditEvent === true);
      expect(printed.map((line) => [line.message, line.level])).toEqual([
        ['probe.thing.read', 'warn'],
        ['probe.thing.write', 'info'],
      ]);
    } finally {
      await backend.stop();
    }
  });

  it('refuses an unknown level, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [],
        config: { backend: { auditor: { severityLogLevelMappings: { high: 'loud' } } } },
      }),
    ).rejects.toThrow(/backend\.auditor\.severityLogLevelMappings\.high/);
  });
});
