import { InputError } from '@atrium/errors';
import type { Credentials } from './credentials.js';

/** Facts about a signed-in user. */
export interface UserInfo {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}

/** Resolves user credentials to the user's entity ref and ownership refs. */
export interface UserInfoService {
  getUserInfo(credentials: Credentials): Promise<UserInfo>;
}

/** Creates the user info service; ownership comes from the token's `ent` claim. */
export function createUserInfoService(): UserInfoService {
  return {
    async getUserInfo(credentials) {
      const principal = credentials.principal;
      if (principal.type !== 'user') {
        throw new InputError(`user info needs user credentials, got ${principal.type} credentials`);
      }
      return { userEntityRef: principal.userEntityRef, ownershipEntityRefs: principal.ownershipEntityRefs };
    },
  };
}
