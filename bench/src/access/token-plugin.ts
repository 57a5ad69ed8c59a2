import { defineHttpApi } from '@atrium/http-api';
import { coreServices, definePlugin } from '@atrium/kernel';
import { z } from 'zod';

const tokenApi = defineHttpApi({
  routes: {
    issue: {
      method: 'POST',
      path: '/token',
      access: 'public',
      summary: 'Bench only: a user token for any user and refs',
      body: z.object({ user: z.string(), refs: z.array(z.string()) }),
      response: z.object({ token: z.string() }),
    },
  },
});

/** Bench only (never in a real config): issues user tokens so the benchmark can act as any user. */
export const benchTokenPlugin = definePlugin({
  id: 'bench-tokens',
  deps: { http: coreServices.httpRouter, tokens: coreServices.userTokens },
  apis: [tokenApi],
  init({ deps }) {
    deps.http.implement(tokenApi, {
      issue: async ({ body }) => ({
        token: (
          await deps.tokens.issueUserToken({ userEntityRef: body.user, ownershipEntityRefs: body.refs })
        ).token,
      }),
    });
  },
});

export default benchTokenPlugin;
