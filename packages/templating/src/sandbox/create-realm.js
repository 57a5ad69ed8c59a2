import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { hardenRealm } from './harden-realm.js';
import {
  callsStatusFunction,
  createBoundedRange,
  describeRenderError,
  templateShape,
  utf8LengthExceeds,
} from './realm-helpers.js';
import { parseEntityRef, parseRepoUrl, pick, projectSlug } from './scaffolder-filters.js';
import { installTemplatingRuntime } from './templating-runtime.js';

// Loading and compiling Nunjucks is the slow part of a realm; allow for a busy machine.
const BOOT_TIMEOUT_MS = 10_000;

let nunjucksSource;

/**
 * Thrown when an additional filter or global does not evaluate inside the realm. A plain
 * Error: this process may read only its own directory, so @atrium/errors is out of reach;
 * the host turns the reported code into an AtriumError.
 */
export class ExtensionSourceError extends Error {
  constructor(kind, name, cause) {
    super(`the ${kind} "${name}" could not be loaded: ${describe(cause)}`);
    this.name = 'ExtensionSourceError';
  }
}

function describe(error) {
  try {
    return String(error && error.message !== undefined ? error.message : error);
  } catch {
    return 'unknown error';
  }
}

// Functions are passed as their source text; each group is evaluated in one scope so its
// members can call each other (projectSlug uses parseRepoUrl).
function functionGroup(functions) {
  return `(function () {
${functions.map((fn) => String(fn)).join('\n')}
return { ${functions.map((fn) => fn.name).join(', ')} };
})()`;
}

// The browser build is one self-contained script, so it can be evaluated as text inside the
// realm; the library's objects then belong to the realm and never to the process's own realm.
function bootSource(settings) {
  // The host resolves the file: this process may read only the paths it was granted.
  nunjucksSource ??= readFileSync(settings.nunjucksPath, 'utf8');
  const filters = functionGroup([parseRepoUrl, projectSlug, parseEntityRef, pick]);
  const helpers = functionGroup([
    describeRenderError,
    utf8LengthExceeds,
    templateShape,
    callsStatusFunction,
    createBoundedRange,
  ]);
  const { cookiecutterCompat, trimBlocks, lstripBlocks, timeoutMs, maxOutputBytes, maxRangeItems } = settings;
  const realmSettings = {
    cookiecutterCompat,
    trimBlocks,
    lstripBlocks,
    timeoutMs,
    maxOutputBytes,
    maxRangeItems,
  };
  return `(function () {
const module = { exports: {} };
(function (module, exports, define, self, window) {
${nunjucksSource}
}).call(undefined, module, module.exports, undefined, undefined, undefined);
const api = (${installTemplatingRuntime})(module.exports, ${JSON.stringify(realmSettings)}, ${filters}, ${helpers});
Object.defineProperty(globalThis, '__atrium', { value: api });
})();`;
}

/**
 * Creates a fresh vm context that holds only the JavaScript built-ins, Nunjucks and the
 * templating runtime. Code generation from strings is off inside it, so neither templates
 * nor filters can reach `Function`/`eval`; compiled templates come back to the process as
 * text and are evaluated with `vm.Script` instead.
 */
export function createRealm(settings) {
  // DONT_CONTEXTIFY makes the context's own global the global object, with no host object
  // behind it; older Node lacks it, and a null-prototype object is the next best thing.
  const context = vm.createContext(vm.constants?.DONT_CONTEXTIFY ?? Object.create(null), {
    name: 'atrium-templating',
    codeGeneration: { strings: false, wasm: false },
    microtaskMode: 'afterEvaluate',
  });
  // A vm timeout costs a watchdog thread per run, so only runs that execute template or
  // extension code get one; the runtime's own bookkeeping runs are bounded by input size.
  const run = (code, timeout) =>
    new vm.Script(code, { filename: 'atrium-templating-sandbox.js' }).runInContext(context, { timeout });
  run(bootSource(settings), BOOT_TIMEOUT_MS);
  // Freeze before any extension code runs, so not even its top level can pollute prototypes.
  run(`(${hardenRealm})();`, BOOT_TIMEOUT_MS);
  const extensions = [
    ['filter', 'addFilter', settings.additionalFilters],
    ['global', 'addGlobal', settings.globals],
  ];
  for (const [kind, method, sources] of extensions) {
    for (const [name, source] of Object.entries(sources)) {
      try {
        run(`__atrium.${method}(${JSON.stringify(name)}, (${source}\n));`, settings.timeoutMs);
      } catch (error) {
        throw new ExtensionSourceError(kind, name, error);
      }
    }
  }
  return {
    run,
    setInput(text) {
      context.__atriumInput = text;
    },
  };
}
