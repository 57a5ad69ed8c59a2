#!/usr/bin/env node
// Lint rule: no non-test function longer than 60 lines, counted from its first line to its
// last (signature and nested functions included). Biome finds the functions and their spans
// (its own line count skips some comment lines, so only the span is used); this script
// names each function after the functions around it and compares with an allow-list that
// may only shrink: a long function missing from it fails, and so does an entry whose
// function is now short or gone. `--list` prints every long function, longest first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_LINES = 60;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const allowListFile = 'scripts/long-functions.allow';
const rule = 'lint/complexity/noExcessiveLinesPerFunction';
// Tests and the harnesses that only tests run.
const testCode = /(\.test\.[cm]?[jt]sx?$|(^|\/)(__fixtures__|test-utils)\/|^(e2e|security)\/)/;

const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
const run = spawnSync(
  process.execPath,
  [
    biome,
    'lint',
    '--config-path=scripts/function-length.biome.json',
    `--only=${rule}`,
    '--reporter=rdjson',
    '--max-diagnostics=none',
    '.',
  ],
  { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
);
let report;
try {
  report = JSON.parse(run.stdout);
} catch (cause) {
  throw new Error(`biome printed no rdjson report (exit ${run.status}): ${run.stderr}`, { cause });
}

// Every function of two lines or more, by file: the config sets biome's limit to 1 line.
const byFile = new Map();
for (const d of report.diagnostics) {
  if (d.code?.value !== rule) continue;
  const { path, range } = d.location;
  const list = byFile.get(path) ?? [];
  list.push({ start: range.start, end: range.end });
  byFile.set(path, list);
}

const found = [];
for (const [path, functions] of byFile) {
  if (testCode.test(path)) continue;
  const lines = readFileSync(join(root, path), 'utf8').split('\n');
  for (const fn of functions) fn.name = functionName(lines, fn.start);
  for (const fn of functions) {
    const length = fn.end.line - fn.start.line + 1;
    if (length <= MAX_LINES) continue;
    const outer = functions
      .filter((o) => o !== fn && contains(o, fn))
      .sort((a, b) => a.start.line - b.start.line);
    found.push({ path, name: [...outer, fn].map((f) => f.name).join('.'), length, line: fn.start.line });
  }
}
found.sort((a, b) => b.length - a.length || a.path.localeCompare(b.path));

if (process.argv.includes('--list')) {
  for (const f of found) console.log(`${String(f.length).padStart(4)}  ${f.path}:${f.line}  ${f.name}`);
  console.log(`${found.length} non-test functions over ${MAX_LINES} lines`);
  process.exit(0);
}

const allowed = readFileSync(join(root, allowListFile), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split(/\s+/).join('  '));
const remaining = [...allowed];
const problems = [];
for (const f of found) {
  const at = remaining.indexOf(`${f.path}  ${f.name}`);
  if (at >= 0) remaining.splice(at, 1);
  else
    problems.push(
      `${f.path}:${f.line}: '${f.name}' has ${f.length} lines (limit ${MAX_LINES}); split it into named steps`,
    );
}
for (const entry of remaining)
  problems.push(
    `${allowListFile}: '${entry}' names no function over ${MAX_LINES} lines (split, renamed or gone); delete or update the entry`,
  );

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`check-function-length: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  `check-function-length: ${found.length} allow-listed functions over ${MAX_LINES} lines, no new ones`,
);

function contains(outer, inner) {
  const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

// The name a reader would use: the declared name, the method or property key, or the
// variable an arrow function is assigned to.
function functionName(lines, start) {
  const text = lines[start.line - 1];
  const from = text.slice(start.column - 1);
  const modifiers = '(?:(?:export|default|async|static|public|private|protected|override|get|set)\\s+)*';
  const declared = from.match(new RegExp(`^${modifiers}function\\s*\\*?\\s*([\\w$]+)`));
  if (declared) return declared[1];
  const method = from.match(new RegExp(`^${modifiers}\\*?\\s*([\\w$]+)\\s*[(<]`));
  if (method && method[1] !== 'function' && method[1] !== 'async') return method[1];
  const assigned = text.slice(0, start.column - 1).match(/([\w$]+)\s*[:=]\s*$/);
  if (assigned) return assigned[1];
  return '(anonymous)';
}
