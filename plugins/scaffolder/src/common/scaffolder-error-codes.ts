import { defineErrorCodes } from '@atrium/errors';

/**
 * The scaffolder's own error codes, one line each. Request errors are the domain errors
 * (InputError, NotAllowedError...) with their common codes.
 */
export const scaffolderErrorCodes = defineErrorCodes({
  SCAFFOLDER_VALIDATION_FAILED:
    "The server refused a run's parameter values (400 { errors }); fix the fields named.",
  SCAFFOLDER_UNKNOWN_PERMISSION_RULE:
    'A conditional permission decision names a rule the scaffolder does not have (a 500); fix the permission policy.',
  SCAFFOLDER_DUPLICATE_ACTION:
    'Two modules register the same action id; remove one or give its action another id.',
  SCAFFOLDER_GIT_FAILED:
    'A git command of an action could not run or failed; the message has its (masked) output.',
  SCAFFOLDER_PUBLISH_TARGET_NOT_EMPTY:
    'publish:git found the branch it creates already in the remote repository; choose another name, or delete or empty the repository. A retry cannot succeed.',
  SCAFFOLDER_SECRETS_CORRUPT:
    "A task's stored secrets are not in a known format; the task cannot be resumed.",
  SCAFFOLDER_SECRETS_KEY_MISMATCH:
    'Task secrets were encrypted with another scaffolder.secretsKey; give every backend the same key.',
  SCAFFOLDER_RUN_ABORTED:
    'A run was stopped from outside (cancelled, shutdown, or its lease lost); see its kind.',
});

/** A code of the scaffolder. */
export type ScaffolderErrorCode = keyof typeof scaffolderErrorCodes;
