import type { Permission } from '@atrium/kernel';

// Plain objects rather than the kernel's definePermission: this module must stay browser-safe.
function permission(name: string, action: Permission['attributes']['action'], description: string) {
  return { type: 'basic', name, attributes: { action }, description } as const satisfies Permission;
}

/**
 * Every permission the scorecards plugin checks. Reading results also needs
 * `catalog.entity.read` on each entity: a result reveals that the entity exists.
 *
 * @example
 * await permissions.authorize([{ permission: scorecardsPermissions.factPush }], { credentials });
 */
export const scorecardsPermissions = {
  /** Read definitions (checks, tracks, campaigns), results, history and aggregates. */
  read: permission('scorecards.read', 'read', 'Read scorecards: checks, tracks, campaigns, results'),
  /** Create, update and delete UI-sourced checks, tracks and campaigns. */
  checkEdit: permission('scorecards.check.edit', 'update', 'Create and edit checks, tracks and campaigns'),
  /** Set the state of a manual check for an entity (with a reason). */
  manualUpdate: permission('scorecards.check.manual.update', 'update', 'Set the state of manual checks'),
  /** Ask for an exemption of an entity from a check. */
  exemptionRequest: permission('scorecards.exemption.request', 'create', 'Request check exemptions'),
  /** Approve, revoke and restore exemptions (and only as a member of the check's owner group). */
  exemptionApprove: permission(
    'scorecards.exemption.approve',
    'update',
    'Approve, revoke and restore check exemptions',
  ),
  /** Push facts (`POST /facts`), e.g. from CI. */
  factPush: permission('scorecards.fact.push', 'create', 'Push facts'),
  /** Collect facts now for chosen entities (`POST /facts/collect`). */
  factCollect: permission('scorecards.fact.collect', 'update', 'Collect facts on demand'),
  /** Push results of external checks (`POST /results`), e.g. from CI. */
  resultPush: permission('scorecards.result.push', 'create', 'Push check results'),
} as const;

/** The list form of {@link scorecardsPermissions}, as a manifest's `permissions` wants it. */
export const scorecardsPermissionList: readonly Permission[] = Object.values(scorecardsPermissions);
