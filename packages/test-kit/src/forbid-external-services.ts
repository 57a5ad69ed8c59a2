import net from 'node:net';
import { TEST_POSTGRES_URL, TEST_REDIS_URL } from './test-service-urls.js';

type ConnectArgs = Parameters<net.Socket['connect']>;

function portOf(args: unknown[]): number | undefined {
  // net.createConnection passes its normalized arguments as one array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null && 'port' in first) return Number(first.port);
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) return Number(first);
  return undefined;
}

function servicePort(url: string, fallback: number): number {
  return Number(new URL(url).port || fallback);
}

/**
 * Makes every connection to the tests' PostgreSQL or Redis fail at once, naming the rule,
 * so a test that needs them cannot sit in the unit project unnoticed. The unit project's
 * setup file calls it; such tests belong in `*.int.test.ts` files.
 *
 * @example
 * forbidExternalServices(); // in a vitest setup file
 */
export function forbidExternalServices(): void {
  const forbidden = new Map([
    [servicePort(TEST_POSTGRES_URL, 5432), 'PostgreSQL'],
    [servicePort(TEST_REDIS_URL, 6379), 'Redis'],
  ]);
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const service = forbidden.get(portOf(args) ?? -1);
    if (!service) return connect.apply(this, args as ConnectArgs);
    const error = new Error(
      `the unit test project may not connect to ${service}: a test that needs it is an integration test, name its file *.int.test.ts`,
    );
    // Some clients replace the socket's error with their own words: say it here too.
    console.error(error.message);
    process.nextTick(() => this.destroy(error));
    return this;
  } as net.Socket['connect'];
}
