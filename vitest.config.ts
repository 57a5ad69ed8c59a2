import { configDefaults, defineConfig } from 'vitest/config';

// Which project a test belongs to is read from its file name, so it cannot drift:
//   unit         *.test.ts beside the code: no PostgreSQL, Redis, git server, browser or
//                other backend process (its setup file makes PostgreSQL and Redis fail);
//   ui           *.test.tsx beside the code: React pages and components in happy-dom;
//   integration  *.int.test.ts(x) beside the code: databases, several backends, crashes,
//                git servers, built entry points;
//   e2e          e2e/: the built portal in Chromium;  security  security/: the attacker's suite.
// `npm test` runs the groups one after another (unit and ui, then integration, then the
// portals), so the UI tests never share the two cores with PostgreSQL and whole backends.
const workspaces = '{packages,plugins,apps}/*/src/**';
const quick = {
  setupFiles: ['packages/test-kit/src/unit-project-setup.ts'],
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 60_000,
  sequence: { groupOrder: 0 },
};

// Workspace packages export their TypeScript sources under the `development` condition,
// so tests run against src/ without a build. Only Vite resolves with these: passing
// `import` to Node as well would make CommonJS packages require ESM builds.
export default defineConfig({
  resolve: { conditions: ['development', 'module', 'browser'] },
  ssr: { resolve: { conditions: ['development', 'node'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [`${workspaces}/*.test.ts`, 'bench/src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.int.test.ts'],
          // Worker threads start faster than processes: about 10% less CPU for this project.
          pool: 'threads',
          // Files in one worker share its module cache: importing the kernel, zod and Kysely
          // once per worker instead of once per file takes the project from ~140 s to ~45 s
          // of CPU. Tests therefore leave no global state behind (globals unstubbed below).
          isolate: false,
          unstubGlobals: true,
          unstubEnvs: true,
          ...quick,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: [`${workspaces}/*.test.tsx`],
          exclude: [...configDefaults.exclude, '**/*.int.test.tsx'],
          ...quick,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [`${workspaces}/*.int.test.{ts,tsx}`, 'bench/src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/support/build-once.ts'],
          // One portal and one browser at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'security',
          include: ['security/**/*.test.ts'],
          environment: 'node',
          // Each file starts full portals (one per database, and a file changes the working
          // directory to the portal's folder): one file at a time, in its own process.
          fileParallelism: false,
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
