import { createCaptureLogger } from '@atrium/test-kit';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from './auditor-types.js';
import { createAuditHub } from './create-auditor.js';
import { runAudited } from './run-audited.js';

function setUp() {
  const hub = createAuditHub(createCaptureLogger());
  const stored: AuditRecord[] = [];
  hub.add({ write: async (records) => void stored.push(...records) });
  return { auditor: hub.forPlugin('todo'), stored };
}

describe('runAudited', () => {
  it('records a success at medium severity with what the outcome adds', async () => {
    const { auditor, stored } = setUp();
    const result = await runAudited(
      auditor,
      { eventId: 'item.create', meta: { title: 'x' } },
      async () => ({ id: 'i1' }),
      (item) => ({ target: `item:${item.id}`, meta: { id: item.id } }),
    );
    expect(result).toEqual({ id: 'i1' });
    expect(stored).toEqual([
      expect.objectContaining({
        eventId: 'todo.item.create',
        severityLevel: 'medium',
        status: 'succeeded',
        target: 'item:i1',
        meta: { title: 'x', id: 'i1' },
      }),
    ]);
  });

  it('records a thrown error as failed and rethrows it', async () => {
    const { auditor, stored } = setUp();
    const failure = new Error('no such item');
    await expect(
      runAudited(auditor, { eventId: 'item.delete', severityLevel: 'high' }, async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(stored[0]).toMatchObject({
      severityLevel: 'high',
      status: 'failed',
      error: { message: 'no such item' },
    });
  });

  it('records an outcome with an error as failed without throwing (an answer the handler sent itself)', async () => {
    const { auditor, stored } = setUp();
    await runAudited(
      auditor,
      { eventId: 'item.create' },
      async () => 'sent 400',
      () => ({ error: new Error('values refused') }),
    );
    expect(stored[0]).toMatchObject({ status: 'failed', error: { message: 'values refused' } });
  });
});
