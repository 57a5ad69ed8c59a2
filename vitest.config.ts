import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under the `development` condition,
// so tests run against src/ without a build.
const conditions = ['development', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['development'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{packages,plugins,apps,bench}/*/src/**/*.test.{ts,tsx}', 'bench/src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
