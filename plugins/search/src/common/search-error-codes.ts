import { defineErrorCodes } from '@atrium/errors';

/** The search plugin's own error codes, one line each. */
export const searchErrorCodes = defineErrorCodes({
  SEARCH_DUPLICATE_TYPE:
    'Two collators contribute the same document type; remove one module or give its collator another type.',
});
