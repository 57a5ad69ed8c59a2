import { describe, expect, it } from 'vitest';
import { createDiscovery } from './discovery-service.js';

describe('discovery', () => {
  it('gives loopback URLs for internal calls and backend.baseUrl for links', async () => {
    const discovery = createDiscovery(() => 'http://127.0.0.1:7007', 'https://portal.example.com/');
    expect(await discovery.getBaseUrl('catalog')).toBe('http://127.0.0.1:7007/api/catalog');
    expect(await discovery.getExternalBaseUrl('catalog')).toBe('https://portal.example.com/api/catalog');
  });
});
