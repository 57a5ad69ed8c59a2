import type { AuditEventOptions, AuditorService } from './auditor-types.js';

/** What a finished action adds to its event; an `error` records it as failed without a throw (e.g. a 400 answer). */
export interface AuditedOutcome {
  target?: string;
  meta?: Record<string, unknown>;
  error?: unknown;
}

/**
 * Runs an action as one audit event (severity `medium` unless given): succeeded with
 * what `outcome` adds (a target known only afterwards, e.g. a new id), or failed with the
 * error it threw, which is rethrown. Create the event before checking permissions, so a
 * refused caller is in the log too.
 *
 * @example
 * return runAudited(deps.auditor, { eventId: 'location.delete', request }, () => deleteLocation(id),
 *   (location) => ({ target: location.ref }));
 */
export async function runAudited<T>(
  auditor: AuditorService,
  options: AuditEventOptions,
  action: () => Promise<T>,
  outcome?: (result: T) => AuditedOutcome,
): Promise<T> {
  const event = await auditor.createEvent({ severityLevel: 'medium', ...options });
  let result: T;
  try {
    result = await action();
  } catch (error) {
    await event.fail({ error });
    throw error;
  }
  const { error, ...rest } = outcome?.(result) ?? {};
  if (error !== undefined) await event.fail({ error, ...rest });
  else await event.success(rest);
  return result;
}
