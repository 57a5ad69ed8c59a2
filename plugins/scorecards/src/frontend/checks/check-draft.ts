import type { Check } from '../../common/index.js';
import { newCondition } from './rule-model.js';

/** A check as the editor holds it: the stored shape without the server's fields. */
export type CheckDraft = Omit<Check, 'source' | 'createdAt' | 'updatedAt'>;

/** The editor's starting point for a new check. */
export function newCheckDraft(): CheckDraft {
  return {
    id: '',
    name: '',
    type: 'rule',
    rule: { all: [newCondition()] },
    passedMessage: '',
    failedMessage: '',
  };
}

/** A stored check as an editable draft (its source and timestamps are the server's). */
export function draftOf(check: Check): CheckDraft {
  const { source: _source, createdAt: _created, updatedAt: _updated, ...input } = check;
  return input;
}

const optionalText = ['description', 'ownerEntityRef', 'passedMessage', 'failedMessage'] as const;

/** The draft as the API takes it: empty optional texts left out, a rule only on rule checks. */
export function toCheckInput(draft: CheckDraft): CheckDraft {
  const input: CheckDraft = { ...draft };
  for (const key of optionalText) if (!input[key]?.trim()) delete input[key];
  if (input.type !== 'rule') delete input.rule;
  return input;
}
