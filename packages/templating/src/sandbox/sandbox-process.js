// Entry of the sandbox child process: owns one sandbox realm and answers render requests
// from the host one at a time over the IPC channel (JSON only). Plain JavaScript on purpose:
// Node runs it without a TypeScript loader, and the build copies non-TypeScript files to
// dist/ unchanged, so the same file serves src/ and dist/.
import { createRealm } from './create-realm.js';

class ItemTimeout extends Error {
  constructor(index) {
    super(`item ${index} exceeded the time limit`);
    this.index = index;
  }
}

let settings;
let realm;
let bootError;
let activeId = 0;

function ensureRealm() {
  if (realm || bootError) return;
  try {
    realm = createRealm(settings);
  } catch (error) {
    bootError = {
      code:
        error?.name === 'ExtensionSourceError' ? 'TEMPLATING_INVALID_EXTENSION' : 'TEMPLATING_SANDBOX_FAILED',
      message: String(error?.message ?? error),
    };
  }
}

// Runs that execute template code are bounded by the time limit; reporting each run lets
// the host's watchdog tell a long batch from a hung process.
function run(code, timed = false) {
  const result = realm.run(code, timed ? settings.timeoutMs : undefined);
  if (timed) process.send({ type: 'progress', id: activeId });
  return result;
}

function expect(type, value) {
  if (typeof value !== type)
    throw new Error(`the sandbox answered a ${typeof value} where a ${type} was expected`);
  return value;
}

// A phase may need several runs: the realm stops starting new items after half the time
// limit, and an item that was interrupted while not first in its run gets a fresh run of
// its own before it counts as too slow.
function runPhase(method, count, prelude = '') {
  let start = 0;
  while (start < count) {
    try {
      // The prelude rides along with the first run only: one vm timeout fewer per request.
      start = expect('number', run(`${start === 0 ? prelude : ''}\n__atrium.${method}(${start});`, true));
    } catch (error) {
      if (error?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      const at = expect('number', run('__atrium.position();'));
      if (at === start) throw new ItemTimeout(at);
      start = at;
    }
  }
}

function handle(request) {
  ensureRealm();
  if (bootError) return { ok: false, error: bootError };
  try {
    realm.setInput(request);
    const count = expect('number', run('__atrium.prepare();'));
    runPhase('compile', count);
    // The compiled templates are defined in the first (timed) render run.
    runPhase('render', count, expect('string', run('__atrium.compiledScript();')));
    return { ok: true, response: expect('string', run('__atrium.finish();')) };
  } catch (error) {
    // An interrupted run can leave the realm half-way through a render; never reuse it.
    realm = undefined;
    if (error instanceof ItemTimeout)
      return { ok: false, error: { code: 'TEMPLATING_TIMEOUT', index: error.index } };
    if (error?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      return { ok: false, error: { code: 'TEMPLATING_TIMEOUT' } };
    return {
      ok: false,
      error: { code: 'TEMPLATING_SANDBOX_FAILED', message: String(error?.message ?? error) },
    };
  }
}

process.on('message', (message) => {
  if (message.type === 'init') {
    settings = message.settings;
    ensureRealm();
    process.send({ type: 'ready' });
    return;
  }
  activeId = message.id;
  // Rebuilding a realm discarded after a timeout takes a while; tell the watchdog.
  ensureRealm();
  process.send({ type: 'progress', id: activeId });
  const reply = handle(message.request);
  activeId = 0;
  process.send({ type: 'reply', id: message.id, ...reply });
});
// The host closing the channel (or dying) ends this process.
process.on('disconnect', () => process.exit(0));
