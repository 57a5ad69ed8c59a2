import { afterAll } from 'vitest';
import { builtinEnvironments } from 'vitest/environments';

// happy-dom's globals in a Node-environment test. Import this first: React Testing Library
// reads `document` when it loads. The admin page's tests run the real plugin manager in the
// test process, and it imports installed packages from their unpacked folders, which only
// Node's module loading does (the happy-dom environment sends every import through Vite).
const dom = await builtinEnvironments['happy-dom'].setup(globalThis, {});
afterAll(async () => {
  // React's scheduler runs a commit's passive effects in a later setImmediate task, which
  // reads `window`: let queued tasks run before the globals go (CI once saw one run after).
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  await dom.teardown(globalThis);
});
