/** How a check result reads on screen; unknown wire states fall back to their own text. */
export interface CheckStatePresentation {
  label: string;
  color: 'success' | 'error' | 'warning' | 'info' | 'default';
  /** Whether the state counts as meeting the check (exempted counts, as in Soundcheck). */
  isPassing: boolean;
}

const presentations: Record<string, CheckStatePresentation> = {
  passed: { label: 'Passed', color: 'success', isPassing: true },
  failed: { label: 'Failed', color: 'error', isPassing: false },
  warning: { label: 'Warning', color: 'warning', isPassing: true },
  error: { label: 'Error', color: 'error', isPassing: false },
  exempt: { label: 'Exempt', color: 'info', isPassing: true },
  exempted: { label: 'Exempt', color: 'info', isPassing: true },
  'not-applicable': { label: 'Not applicable', color: 'default', isPassing: true },
  not_applicable: { label: 'Not applicable', color: 'default', isPassing: true },
  'not-reported': { label: 'Not reported', color: 'default', isPassing: false },
  not_reported: { label: 'Not reported', color: 'default', isPassing: false },
};

/**
 * The label, colour and meaning of a check state such as `passed` or `not-applicable`.
 *
 * @example
 * describeCheckState('warning'); // { label: 'Warning', color: 'warning', isPassing: true }
 */
export function describeCheckState(state: string): CheckStatePresentation {
  return presentations[state] ?? { label: state, color: 'default', isPassing: false };
}
