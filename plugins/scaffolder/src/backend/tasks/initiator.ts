import { type AuthService, type Credentials, createCredentials, type Principal } from '@atrium/kernel';

/** Who started a task, stored with it so the run can act on their behalf later. */
export type Initiator =
  | { type: 'user'; userEntityRef: string; ownershipEntityRefs: string[] }
  | { type: 'service'; subject: string };

/** The initiator of a request, for storage. */
export function initiatorOf(credentials: Credentials): Initiator | undefined {
  const principal: Principal = credentials.principal;
  if (principal.type === 'user') {
    return {
      type: 'user',
      userEntityRef: principal.userEntityRef,
      ownershipEntityRefs: principal.ownershipEntityRefs,
    };
  }
  if (principal.type === 'service') return { type: 'service', subject: principal.subject };
  return undefined;
}

/**
 * Credentials to act as the initiator while the task runs. A user's are rebuilt from
 * the stored refs (tokens expire long before a queued task may run); a service caller's
 * become the scaffolder's own, since only the kernel can mint another service's token.
 */
export function credentialsOf(initiator: Initiator | undefined, auth: AuthService): Credentials {
  if (initiator?.type === 'user') {
    return createCredentials({
      type: 'user',
      userEntityRef: initiator.userEntityRef,
      ownershipEntityRefs: initiator.ownershipEntityRefs,
    });
  }
  return auth.getOwnServiceCredentials();
}

/** Parses the stored initiator column. */
export function parseInitiator(text: string | null): Initiator | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Initiator;
  } catch {
    return undefined;
  }
}
