import { durationSchema } from '@atrium/kernel';
import { z } from 'zod';
import { parseRemotePattern } from './git/remote-pattern.js';

const secret = { visibility: 'secret' } as const;

/** `scaffolder.*` config (Backstage's keys where Backstage has the setting). */
export const scaffolderConfigSchema = z
  .object({
    /** Tasks one backend runs at once; 0 disables the worker on this backend. */
    concurrentTasksLimit: z.number().int().min(0).max(1000).default(10),
    /** A `processing` task whose heartbeat is older than this is stale (its worker died). */
    taskTimeout: durationSchema.default({ hours: 24 }),
    /** How often the janitor looks for stale tasks. */
    taskTimeoutJanitorFrequency: durationSchema.default({ minutes: 5 }),
    /** How often a running task's worker writes its heartbeat and checks for cancellation. */
    taskHeartbeatInterval: durationSchema.default({ seconds: 1 }),
    /** How often an idle worker looks for tasks created on other backends. */
    taskPollInterval: durationSchema.default({ seconds: 1 }),
    /** Where task workspaces are created; the system temp directory when unset. */
    workingDirectory: z.string().optional(),
    /**
     * Key that encrypts task secrets at rest (any long random string). When unset, a key
     * is generated once and kept in the plugin's database.
     */
    secretsKey: z.string().min(16).optional().meta(secret),
    defaultAuthor: z
      .object({
        name: z.string().default('Scaffolder'),
        email: z.string().default('scaffolder@atrium.local'),
      })
      .prefault({}),
    defaultCommitMessage: z.string().default('Initial commit'),
    git: z
      .object({
        /** Globs of remotes publish:git may push to, e.g. `file:///srv/git/*`. Empty: none. */
        allowedRemotes: z
          .array(
            z
              .string()
              .min(1)
              .refine((pattern) => parseRemotePattern(pattern) !== undefined, {
                message:
                  'must be <scheme>://<host>[:<port>|:*]/<path glob> without credentials, e.g. file:///srv/git/* or https://git.example.com/acme/*',
              }),
          )
          .default([]),
        /** The git executable. */
        executable: z.string().default('git'),
        /** Time limit of one git command. */
        timeout: durationSchema.default({ minutes: 5 }),
      })
      .prefault({}),
    /** Values every template sees as `environment.parameters` / `environment.secrets`. */
    defaultEnvironment: z
      .object({
        parameters: z.record(z.string(), z.unknown()).default({}),
        secrets: z.record(z.string(), z.string()).default({}).meta(secret),
      })
      .prefault({}),
    templating: z
      .object({
        /** Time limit of one template expression or file. */
        timeout: durationSchema.default({ seconds: 5 }),
        memoryLimitMb: z.number().int().min(32).default(256),
      })
      .prefault({}),
  })
  .prefault({});

/** Parsed `scaffolder` config. */
export type ScaffolderConfig = z.output<typeof scaffolderConfigSchema>;
