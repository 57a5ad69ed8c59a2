import { defineHttpApi } from '@atrium/http-api';
import { z } from 'zod';
import { frontendStateSchema } from './frontend-state.js';
import { layoutSchema, saveLayoutSchema } from './layout.js';

const layoutUpdate = ['app.layout.update'];

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
    getLayoutAccess: {
      method: 'GET',
      path: '/layout/access',
      summary:
        'Whether the caller may read and change the layout (app.layout.update), for showing the admin page',
      response: z.object({ canUpdate: z.boolean() }),
    },
    getLayout: {
      method: 'GET',
      path: '/layout',
      summary: 'The layout: app.extensions from config (base) and the overrides saved in the UI',
      response: layoutSchema,
      permissions: layoutUpdate,
    },
    saveLayout: {
      method: 'PUT',
      path: '/layout',
      summary: 'Saves the layout overrides; every open app applies them live',
      body: saveLayoutSchema,
      response: layoutSchema,
      permissions: layoutUpdate,
    },
    resetLayout: {
      method: 'DELETE',
      path: '/layout',
      summary: 'Drops every override: the layout is the config base again',
      response: layoutSchema,
      permissions: layoutUpdate,
    },
    exportLayout: {
      method: 'GET',
      path: '/layout/export',
      summary:
        "The effective app.extensions as app-config.yaml ('app: extensions: [...]'), one entry per extension",
      response: z.object({ yaml: z.string() }),
      permissions: layoutUpdate,
    },
    importLayout: {
      method: 'POST',
      path: '/layout/import',
      summary:
        'Replaces the overrides with the app.extensions of an app-config.yaml text (or a bare YAML list)',
      body: z.object({
        yaml: z.string().max(1_000_000),
        expectedRevision: z.number().int().min(0).optional(),
      }),
      response: layoutSchema,
      permissions: layoutUpdate,
    },
  },
});
