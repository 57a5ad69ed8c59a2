import { InputError } from '@atrium/errors';
import type { PluginsConfig } from '../config.js';
import { assertIntegrity } from '../package/integrity.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

const failed = (message: string) =>
  new InputError(message, { code: pluginsErrorCodes.PLUGINS_REGISTRY_FAILED });

async function get(url: URL, token: string | undefined, maxBytes: number): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/octet-stream' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    headers,
    redirect: 'error',
    signal: AbortSignal.timeout(30_000),
  }).catch((error: Error) => {
    throw failed(`the registry at ${url.origin} did not answer ${url.pathname}: ${error.message}`);
  });
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > maxBytes) throw failed(`${url.pathname} is ${length} bytes, over the limit of ${maxBytes}`);
  return response;
}

/**
 * Fetches `name@version` through the npm registry HTTP API (packument, then tarball),
 * checking the tarball against the registry's own sha512 integrity. The token goes only
 * to the configured registry's origin: a packument naming a tarball elsewhere is refused.
 */
export async function fetchFromRegistry(
  registry: NonNullable<PluginsConfig['registry']>,
  name: string,
  version: string,
  maxBytes: number,
): Promise<{ tarball: Buffer; source: string }> {
  const base = new URL(registry.url.endsWith('/') ? registry.url : `${registry.url}/`);
  const packumentUrl = new URL(name.replace('/', '%2f'), base);
  const response = await get(packumentUrl, registry.token, maxBytes);
  if (!response.ok)
    throw failed(`the registry answered ${response.status} for package ${name} at ${base.origin}`);
  const packument = (await response.json()) as {
    versions?: Record<string, { dist?: { tarball?: string; integrity?: string } }>;
  };
  const dist = packument.versions?.[version]?.dist;
  if (!dist?.tarball)
    throw failed(
      `package ${name} has no version ${version} at ${base.origin} (it has ${Object.keys(packument.versions ?? {}).join(', ') || 'none'})`,
    );
  const tarballUrl = new URL(dist.tarball);
  if (tarballUrl.origin !== base.origin)
    throw failed(
      `package ${name}@${version} names a tarball at ${tarballUrl.origin}, not the configured registry ${base.origin}; refused`,
    );
  const download = await get(tarballUrl, registry.token, maxBytes);
  if (!download.ok)
    throw failed(`the registry answered ${download.status} for the tarball of ${name}@${version}`);
  const tarball = Buffer.from(await download.arrayBuffer());
  if (tarball.length > maxBytes)
    throw failed(`the tarball of ${name}@${version} is over the limit of ${maxBytes} bytes`);
  if (dist.integrity?.startsWith('sha512-'))
    assertIntegrity(tarball, dist.integrity, `the tarball of ${name}@${version} from ${base.origin}`);
  return { tarball, source: `registry:${name}@${version}` };
}
