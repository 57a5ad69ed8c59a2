// Helpers of the templating runtime. They run inside the sandbox realm: the sandbox process
// passes each function's source text into the vm context, so every function here must be
// self-contained and use only its parameters and the realm's JavaScript built-ins.

/** Turns a Nunjucks error into `{ message, line, column }` without its path boilerplate. */
export function describeRenderError(error) {
  let message;
  try {
    message = String(error && error.message !== undefined ? error.message : error);
  } catch {
    message = 'unknown error';
  }
  let line = error && typeof error.lineno === 'number' ? error.lineno : undefined;
  let column = error && typeof error.colno === 'number' ? error.colno : undefined;
  // Nunjucks wraps messages, sometimes twice, in "(path) [Line l, Column c]\n  Error: ".
  const prefix =
    /^(?:Template render error: )?\([^)\n]*\)(?: \[Line (\d+)(?:, Column (\d+))?\])?\s*(?:Error: )?/;
  for (let match = prefix.exec(message); match?.[0]; match = prefix.exec(message)) {
    message = message.slice(match[0].length);
    if (match[1]) line = Number(match[1]);
    if (match[2]) column = Number(match[2]);
  }
  message = message.replace(/^Error: /, '').trim();
  if (message.length > 500) message = `${message.slice(0, 500)}…`;
  return { message, line, column };
}

/** Whether `text` is over `limit` UTF-8 bytes; the length alone decides most cases, so a
 * huge rope string is not flattened just to be measured. */
export function utf8LengthExceeds(text, limit) {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    if (code < 0x80) bytes += 1;
    else if (code < 0x800 || (code >= 0xd800 && code < 0xe000)) bytes += 2;
    else bytes += 3;
  }
  return bytes > limit;
}

/**
 * Classifies a parsed template for type preservation: `expression` is exactly one
 * `${{ expr }}`; `blocks` has no literal text outside tags (its output may be JSON);
 * `text` is anything with literal text.
 */
export function templateShape(ast, nodes) {
  const children = ast.children;
  const only = children.length === 1 ? children[0] : undefined;
  if (
    only instanceof nodes.Output &&
    only.children.length === 1 &&
    !(only.children[0] instanceof nodes.TemplateData)
  ) {
    return 'expression';
  }
  const isText = (node) => node instanceof nodes.TemplateData && node.value !== '';
  const hasText = children.some((child) => child instanceof nodes.Output && child.children.some(isText));
  return hasText ? 'text' : 'blocks';
}

/** Whether a parsed template calls `always()` or `failure()` anywhere. */
export function callsStatusFunction(node, nodes) {
  if (Array.isArray(node)) return node.some((child) => callsStatusFunction(child, nodes));
  if (!(node instanceof nodes.Node)) return false;
  if (node instanceof nodes.FunCall && node.name instanceof nodes.Symbol) {
    if (node.name.value === 'always' || node.name.value === 'failure') return true;
  }
  return node.fields.some((field) => callsStatusFunction(node[field], nodes));
}

/**
 * Nunjucks' `range(start, stop, step)` with a bound on its length: the original builds the
 * whole array first, so `range(0, 1e9)` would exhaust the heap instead of failing clearly.
 */
export function createBoundedRange(limit) {
  return (start, stop, step) => {
    const [from, to] = stop === undefined ? [0, start] : [start, stop];
    const by = step || 1;
    const count = Math.max(0, Math.ceil((to - from) / by)) || 0;
    if (count > limit)
      throw new Error(`range(${from}, ${to}) would produce ${count} items; the limit is ${limit}`);
    const items = [];
    for (let i = 0; i < count; i++) items.push(from + i * by);
    return items;
  };
}
