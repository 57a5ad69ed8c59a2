import { InputError, NotAllowedError, PayloadTooLargeError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import type { PluginsConfig } from '../config.js';
import { assertIntegrity } from '../package/integrity.js';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

// A packument lists every version with its readme: big for old packages, but bounded.
const MAX_PACKUMENT_BYTES = 16 * 1024 * 1024;

const failed = (message: string, cause?: unknown) =>
  new InputError(message, { code: pluginsErrorCodes.PLUGINS_REGISTRY_FAILED, cause });

/**
 * One read through the kernel's urlReader (the one rule for every URL: `backend.reading.allow`,
 * size limit, each redirect hop checked). Its refusals (host not allowed, too large) keep
 * their own code and status; a registry that fails to answer becomes PLUGINS_REGISTRY_FAILED.
 */
async function read(
  urlReader: UrlReaderService,
  url: URL,
  options: { token: string | undefined; maxBytes: number; what: string },
): Promise<Buffer> {
  try {
    const response = await urlReader.readUrl(url.href, {
      maxBytes: options.maxBytes,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    });
    return await response.buffer();
  } catch (error) {
    if (error instanceof NotAllowedError || error instanceof PayloadTooLargeError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw failed(`the registry at ${url.origin} did not give ${options.what}: ${reason}`, error);
  }
}

type Packument = { versions?: Record<string, { dist?: { tarball?: string; integrity?: string } }> };

function parsePackument(body: Buffer, name: string, origin: string): Packument {
  try {
    return JSON.parse(body.toString('utf8')) as Packument;
  } catch (error) {
    throw failed(`the registry at ${origin} answered package ${name} with something that is not JSON`, error);
  }
}

/**
 * Fetches `name@version` through the npm registry HTTP API (packument, then tarball), both
 * read through the urlReader, so the registry host must be in `backend.reading.allow`. The
 * tarball is checked against the registry's own sha512 integrity. The token goes only to
 * the configured registry's origin, and a packument naming a tarball elsewhere is refused.
 */
export async function fetchFromRegistry(
  urlReader: UrlReaderService,
  registry: NonNullable<PluginsConfig['registry']>,
  spec: { name: string; version: string; maxBytes: number },
): Promise<{ tarball: Buffer; source: string }> {
  const { name, version } = spec;
  const base = new URL(registry.url.endsWith('/') ? registry.url : `${registry.url}/`);
  const packumentUrl = new URL(name.replace('/', '%2f'), base);
  const body = await read(urlReader, packumentUrl, {
    token: registry.token,
    maxBytes: MAX_PACKUMENT_BYTES,
    what: `package ${name}`,
  });
  const packument = parsePackument(body, name, base.origin);
  const dist = packument.versions?.[version]?.dist;
  if (!dist?.tarball)
    throw failed(
      `package ${name} has no version ${version} at ${base.origin} (it has ${Object.keys(packument.versions ?? {}).join(', ') || 'none'})`,
    );
  let tarballUrl: URL;
  try {
    tarballUrl = new URL(dist.tarball);
  } catch (error) {
    throw failed(`package ${name}@${version} names a tarball that is not a URL: '${dist.tarball}'`, error);
  }
  if (tarballUrl.origin !== base.origin)
    throw failed(
      `package ${name}@${version} names a tarball at ${tarballUrl.origin}, not the configured registry ${base.origin}; refused`,
    );
  const tarball = await read(urlReader, tarballUrl, {
    token: registry.token,
    maxBytes: spec.maxBytes,
    what: `the tarball of ${name}@${version}`,
  });
  if (dist.integrity?.startsWith('sha512-'))
    assertIntegrity(tarball, dist.integrity, `the tarball of ${name}@${version} from ${base.origin}`);
  return { tarball, source: `registry:${name}@${version}` };
}
