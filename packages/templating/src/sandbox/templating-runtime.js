// Runs inside the sandbox realm (stringified by the sandbox process), so it must stay
// self-contained: it may use only its parameters and the realm's own JavaScript built-ins.

/**
 * Configures a Nunjucks environment inside the realm and returns the request API the
 * sandbox process drives with short scripts. Only strings and numbers leave it: per-item
 * results are collected here and handed out as one JSON text by `finish()`.
 */
export function installTemplatingRuntime(nunjucks, settings, builtinFilters, helpers) {
  const { describeRenderError, utf8LengthExceeds, templateShape, callsStatusFunction } = helpers;
  const { Environment, Template, compiler, parser, nodes, runtime } = nunjucks;
  const tags = settings.cookiecutterCompat
    ? { variableStart: '{{', variableEnd: '}}' }
    : { variableStart: '${{', variableEnd: '}}' };
  const env = new Environment([], {
    autoescape: false,
    trimBlocks: settings.trimBlocks,
    lstripBlocks: settings.lstripBlocks,
    tags,
  });
  if (settings.cookiecutterCompat) {
    nunjucks.installJinjaCompat();
    env.addFilter('jsonify', env.getFilter('dump'));
  }
  for (const name of Object.keys(builtinFilters)) env.addFilter(name, builtinFilters[name]);

  let taskFailed = false;
  env.addGlobal('always', () => true);
  env.addGlobal('failure', () => taskFailed);
  env.addGlobal('range', helpers.createBoundedRange(settings.maxRangeItems));

  // Names that lead from any value to constructors, prototypes or property definers
  // (`"".__proto__.__proto__.__defineGetter__(...)` would otherwise reach Object.prototype),
  // or from a function to its callers. Variables may still be called `caller`: Nunjucks'
  // {% call %} blocks define one. Installed after the Jinja compatibility layer, which
  // wraps these lookups too.
  const prototypeRoutes = [
    'constructor',
    'prototype',
    '__proto__',
    '__defineGetter__',
    '__defineSetter__',
    '__lookupGetter__',
    '__lookupSetter__',
  ];
  const reservedMembers = new Set([...prototypeRoutes, 'caller', 'callee', 'arguments']);
  const reservedVariables = new Set(prototypeRoutes);
  const isReserved = (names, key) => {
    try {
      return names.has(String(key));
    } catch {
      return true;
    }
  };
  const memberLookup = runtime.memberLookup;
  runtime.memberLookup = (target, key) =>
    isReserved(reservedMembers, key) ? undefined : memberLookup(target, key);
  const contextOrFrameLookup = runtime.contextOrFrameLookup;
  runtime.contextOrFrameLookup = (context, frame, name) =>
    isReserved(reservedVariables, name) ? undefined : contextOrFrameLookup(context, frame, name);

  // Every `${{ expr }}` output passes through suppressValue; remembering its last argument
  // gives the raw value of a template that is exactly one expression (type preservation).
  const suppressValue = runtime.suppressValue;
  let capture;
  runtime.suppressValue = (value, autoescape) => {
    if (capture) capture.value = value;
    return suppressValue(value, autoescape);
  };

  const budgetMs = settings.timeoutMs / 2;
  let request;
  let cursor = 0;

  const record = (index, result) => {
    request.results[index] = result;
    request.compiled[index] = undefined;
  };
  const fail = (index, reason, error) => record(index, { t: 'error', reason, ...describeRenderError(error) });

  function compileItem(index) {
    const item = request.items[index];
    try {
      const source = String(item.template);
      if (item.mode !== 'string') {
        const ast = parser.parse(source, env.extensionsList, env.opts);
        if (item.mode === 'status')
          return record(index, { t: 'value', json: String(callsStatusFunction(ast, nodes)) });
        request.shapes[index] = templateShape(ast, nodes);
      }
      return compiler.compile(source, env.asyncFilters, env.extensionsList, undefined, env.opts);
    } catch (error) {
      return fail(index, 'syntax', error);
    }
  }

  function renderItem(index) {
    const props = request.compiled[index];
    if (!props) return;
    const isExpression = request.shapes[index] === 'expression';
    capture = isExpression ? { value: undefined } : undefined;
    const captured = capture;
    let text;
    try {
      text = new Template({ type: 'code', obj: props }, env, undefined, true).render(request.context);
    } catch (error) {
      return fail(index, 'render', error);
    } finally {
      capture = undefined;
    }
    if (isExpression) {
      let value = captured.value;
      if (value instanceof runtime.SafeString) value = String(value);
      let json;
      try {
        json = JSON.stringify(value);
      } catch (error) {
        return fail(index, 'render', error);
      }
      if (json !== undefined && utf8LengthExceeds(json, settings.maxOutputBytes))
        return fail(index, 'output', '');
      return record(index, json === undefined ? { t: 'value' } : { t: 'value', json });
    }
    if (utf8LengthExceeds(text, settings.maxOutputBytes)) return fail(index, 'output', '');
    return record(index, { t: 'text', text, coercible: request.shapes[index] === 'blocks' });
  }

  // Both phases stop starting new items once half the time limit is spent, so the process's
  // per-run vm timeout only trips on an item that by itself runs too long.
  function runPhase(start, step) {
    const started = Date.now();
    for (cursor = start; cursor < request.items.length; cursor++) {
      if (cursor > start && Date.now() - started > budgetMs) break;
      step(cursor);
    }
    return cursor;
  }

  return {
    prepare() {
      const input = JSON.parse(globalThis.__atriumInput);
      delete globalThis.__atriumInput;
      const count = input.items.length;
      const slots = () => new Array(count);
      request = { ...input, results: slots(), codes: slots(), compiled: slots(), shapes: slots() };
      taskFailed = input.failed === true;
      return count;
    },
    compile(start) {
      return runPhase(start, (index) => {
        const code = compileItem(index);
        if (typeof code === 'string') request.codes[index] = code;
      });
    },
    // The compiled sources come back to the process as one script because the realm itself
    // may not turn strings into code (codeGeneration.strings is off).
    compiledScript() {
      const entries = [];
      request.codes.forEach((code, index) => {
        if (code !== undefined) entries.push(`[${index}, (function () {\n${code}\n})()]`);
      });
      request.codes = [];
      return `__atrium.accept([${entries.join(',\n')}]);`;
    },
    accept(entries) {
      for (const [index, props] of entries) request.compiled[index] = props;
    },
    render(start) {
      return runPhase(start, renderItem);
    },
    position() {
      return cursor;
    },
    finish() {
      const results = request ? request.results : [];
      request = undefined;
      return JSON.stringify(results);
    },
    addFilter(name, filter) {
      if (typeof filter !== 'function')
        throw new TypeError(`the source of filter "${name}" is not a function`);
      env.addFilter(name, filter);
    },
    addGlobal(name, value) {
      env.addGlobal(name, value);
    },
  };
}
