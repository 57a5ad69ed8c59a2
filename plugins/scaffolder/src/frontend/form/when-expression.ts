import type { JsonObject } from '../../common/index.js';

type Token = { type: 'op' | 'str' | 'num' | 'id'; value: string };

const tokenPattern =
  /\s*(===|!==|==|!=|&&|\|\||[!().[\]]|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[A-Za-z_$][\w$-]*)/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/.test(text.slice(index))) break;
    tokenPattern.lastIndex = index;
    const match = tokenPattern.exec(text);
    if (!match) throw new SyntaxError(`unexpected character at ${index} in '${text}'`);
    index = tokenPattern.lastIndex;
    const raw = match[1]!;
    if (raw.startsWith("'") || raw.startsWith('"')) tokens.push({ type: 'str', value: raw.slice(1, -1) });
    else if (/^-?\d/.test(raw)) tokens.push({ type: 'num', value: raw });
    else if (/^[A-Za-z_$]/.test(raw)) tokens.push(wordToken(raw));
    else tokens.push({ type: 'op', value: raw });
  }
  return tokens;
}

// Nunjucks spells the logical operators as words.
function wordToken(word: string): Token {
  if (word === 'and') return { type: 'op', value: '&&' };
  if (word === 'or') return { type: 'op', value: '||' };
  if (word === 'not') return { type: 'op', value: '!' };
  return { type: 'id', value: word };
}

/** Template truthiness: JavaScript's, plus an empty array is false (as for step `if`). */
function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function parse(tokens: Token[], scope: JsonObject): unknown {
  let position = 0;
  const peek = () => tokens[position];
  const take = (value?: string) => {
    const token = tokens[position];
    if (!token || (value !== undefined && token.value !== value))
      throw new SyntaxError(`expected '${value}'`);
    position += 1;
    return token;
  };
  // Both operands are always parsed (and never have side effects), so the token
  // position stays right whichever way a condition goes.
  const or = (): unknown => {
    let left = and();
    while (peek()?.value === '||') {
      take();
      const right = and();
      left = isTruthy(left) ? left : right;
    }
    return left;
  };
  const and = (): unknown => {
    let left = not();
    while (peek()?.value === '&&') {
      take();
      const right = not();
      left = isTruthy(left) ? right : left;
    }
    return left;
  };
  const not = (): unknown => {
    if (peek()?.value !== '!') return compare();
    take();
    return !isTruthy(not());
  };
  const compare = (): unknown => {
    const left = primary();
    const op = peek()?.value;
    if (op === '==' || op === '===' || op === '!=' || op === '!==') {
      take();
      const right = primary();
      return op.startsWith('=') ? left === right : left !== right;
    }
    return left;
  };
  const member = (): string | undefined => {
    if (peek()?.value === '.') {
      take();
      return take().value;
    }
    if (peek()?.value !== '[') return undefined;
    take();
    const key = take().value;
    take(']');
    return key;
  };
  const primary = (): unknown => {
    const token = take();
    if (token.value === '(' && token.type === 'op') {
      const value = or();
      take(')');
      return value;
    }
    if (token.type === 'str') return token.value;
    if (token.type === 'num') return Number(token.value);
    if (token.type !== 'id') throw new SyntaxError(`unexpected '${token.value}'`);
    const literals: Record<string, unknown> = { true: true, false: false, null: null, undefined };
    if (token.value in literals) return literals[token.value];
    let value: unknown = Object.hasOwn(scope, token.value) ? scope[token.value] : undefined;
    for (let key = member(); key !== undefined; key = member()) {
      value =
        typeof value === 'object' && value !== null && Object.hasOwn(value, key)
          ? (value as JsonObject)[key]
          : undefined;
    }
    return value;
  };
  const result = or();
  if (position !== tokens.length) throw new SyntaxError(`unexpected '${tokens[position]?.value}'`);
  return result;
}

/**
 * Decides whether a form page with a `when` condition is shown. Only a small, safe subset
 * of template expressions is understood (property paths under `parameters`, literals,
 * `==`/`!=`, `!`/`not`, `&&`/`and`, `||`/`or`, parentheses); nothing is ever evaluated as
 * code. A condition that cannot be read shows the page rather than hiding input silently.
 *
 * @example
 * evaluateWhen('${{ parameters.useDatabase }}', { useDatabase: true }); // true
 */
export function evaluateWhen(when: string | boolean | undefined, values: JsonObject): boolean {
  if (when === undefined) return true;
  if (typeof when === 'boolean') return when;
  const match = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(when);
  const expression = match ? match[1]! : when;
  try {
    return isTruthy(parse(tokenize(expression), { parameters: values }));
  } catch {
    return true;
  }
}
