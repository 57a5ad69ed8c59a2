import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { frontendStateSchema } from './frontend-state.js';

/** The app plugin's API: the frontend config and the live frontend state. */
export const appApi = defineHttpApi({
  title: 'App',
  routes: {
    getConfig: {
      method: 'GET',
      path: '/config',
      access: 'public',
      summary: 'The frontend-visible config (the same JSON the served index.html carries)',
      response: z.record(z.string(), z.unknown()),
    },
    getFrontendState: {
      method: 'GET',
      path: '/frontend-state',
      access: 'public',
      summary:
        'What the web app runs: revision, feature bundles (app.features and runtime ones) and the effective app.extensions',
      response: frontendStateSchema,
    },
    streamFrontendState: {
      method: 'GET',
      path: '/frontend-state/stream',
      access: 'public',
      summary:
        "Server-sent events: a 'state' event with the current frontend state, then one per change (from any backend)",
      streaming: true,
    },
  },
});
