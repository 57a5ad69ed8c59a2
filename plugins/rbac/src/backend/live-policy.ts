import { stat } from 'node:fs/promises';
import { ConflictError } from '@atrium/errors';
import type { AuditorService, LoggerService } from '@atrium/kernel';
import type { RbacPolicy } from '../common/index.js';
import { type CompiledPolicy, compilePolicy } from './compile-policy.js';
import type { RbacConfig } from './config.js';
import { readPolicyFile } from './policy-file.js';
import type { PolicyStore, StoredVersion } from './store/policy-store.js';

/** The actor recorded for versions published from the policy file. */
export const FILE_ACTOR = 'plugin:rbac (policy file)';

/** The policy in force on this backend, kept in step with the database. */
export interface LivePolicy {
  compiled(): CompiledPolicy;
  version(): number | null;
  /** Loads the latest version if it is newer than the one in force. */
  refresh(): Promise<void>;
  /** Checks the policy file (replace mode), publishing it when it changed and is valid. */
  checkFile(options?: { force?: boolean }): Promise<StoredVersion | undefined>;
}

const EMPTY: RbacPolicy = { roles: [] };

type FileDeps = { store: PolicyStore; logger: LoggerService; auditor: AuditorService };

// Publishes the file when it differs from the live policy; a bad file is logged and audited.
async function publishFile(
  { store, logger, auditor }: FileDeps,
  path: string,
): Promise<StoredVersion | undefined> {
  try {
    const policy = await readPolicyFile(path);
    const version = await store.publish({
      policy,
      by: FILE_ACTOR,
      source: 'file',
      message: `from ${path}`,
      onlyIfChanged: true,
    });
    if (version) {
      await auditor.record({
        eventId: 'policy.publish',
        severityLevel: 'critical',
        status: 'succeeded',
        target: `version ${version.version}`,
        meta: { source: 'file', path },
      });
    }
    return version;
  } catch (error) {
    // Backends starting together seed the same file: one publishes, the others need not.
    if (error instanceof ConflictError) return undefined;
    logger.error(`rbac: ${(error as Error).message}; the last good policy stays live`);
    await auditor.record({
      eventId: 'policy.file',
      severityLevel: 'high',
      status: 'failed',
      error,
      meta: { path },
    });
    return undefined;
  }
}

/**
 * Creates the live policy over the store: seeds or replaces from the policy file, then
 * follows new versions. An invalid file is logged and audited; the last good policy stays.
 */
export function createLivePolicy(options: {
  store: PolicyStore;
  config: RbacConfig;
  logger: LoggerService;
  auditor: AuditorService;
}): LivePolicy {
  const { store, config, logger } = options;
  let current = { version: null as number | null, compiled: compilePolicy(EMPTY) };
  let fileStamp: string | undefined;

  const use = (version: StoredVersion) => {
    current = { version: version.version, compiled: compilePolicy(version.policy) };
    logger.info(`rbac: policy version ${version.version} is live (${version.policy.roles.length} roles)`);
  };

  return {
    compiled: () => current.compiled,
    version: () => current.version,
    async refresh() {
      const latest = await store.latestVersionNumber();
      if (latest === null || latest === current.version) return;
      const version = await store.getLatest();
      if (version) use(version);
    },
    async checkFile({ force } = {}) {
      const path = config.policyFile;
      if (!path) return undefined;
      if (config.policyFileMode === 'seed' && (await store.latestVersionNumber()) !== null) return undefined;
      const stamp = await stat(path).then(
        (s) => `${s.mtimeMs}:${s.size}`,
        () => 'missing',
      );
      if (!force && stamp === fileStamp) return undefined;
      fileStamp = stamp;
      return publishFile(options, path);
    },
  };
}
