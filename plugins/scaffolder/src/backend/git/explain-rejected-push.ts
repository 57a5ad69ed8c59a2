import { AtriumError, isAtriumError } from '@atrium/errors';
import { scaffolderErrorCodes } from '../../common/index.js';

// git's reasons for refusing to replace a branch the remote already has.
const REPLACES_HISTORY = /\[rejected\][^\n]*\((fetch first|non-fast-forward|already exists)\)/;

/**
 * Turns git's refusal to overwrite an existing branch ("! [rejected] ... (fetch first)"
 * and its hints) into what happened and what to do. Running the task again would push
 * the same first commit and be refused again, so the error says a retry cannot succeed
 * (`details.retryable: false`). Other failures are returned unchanged.
 */
export function explainRejectedPush(error: unknown, remote: string, branch: string): unknown {
  if (!isAtriumError(error) || !REPLACES_HISTORY.test(error.message)) return error;
  return new AtriumError(
    scaffolderErrorCodes.SCAFFOLDER_PUBLISH_TARGET_NOT_EMPTY,
    `the repository ${remote} already exists and has commits on branch '${branch}', which publishing would overwrite, so it was not changed. Run the template again with another name, or delete or empty that repository first.`,
    { cause: error, details: { remote, branch, retryable: false } },
  );
}
