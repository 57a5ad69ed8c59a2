import type { TestBackend } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLayoutBackend } from './__fixtures__/layout-backend.js';

let backend: TestBackend;
beforeAll(async () => {
  ({ backend } = await startLayoutBackend());
});
afterAll(() => backend?.stop());

describe('framing for the layout preview', () => {
  it('lets only the same origin frame the app page asked for with ?layoutPreview', async () => {
    const preview = await backend.fetch('/catalog?layoutPreview=1');
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(preview.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(preview.headers.get('content-security-policy')).not.toContain("frame-ancestors 'none'");
  });

  it('keeps every other page unframeable', async () => {
    for (const path of ['/', '/catalog?layoutPreviewx=1', '/catalog?x=layoutPreview']) {
      const page = await backend.fetch(path);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    const api = await backend.fetch('/api/app/frontend-state?layoutPreview=1');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
  });
});
