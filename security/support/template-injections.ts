// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` is template syntax.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { component } from './attacker-actions.js';
import type { Attempts } from './expect-refused.js';
import type { Reply } from './http-caller.js';

/** This run's suffix: names an attacker chooses are unique per run. */
export const r = randomBytes(3).toString('hex');
/** The entity name an injection tries to add. */
export const injected = `injected-${r}`;
/** Marks text that must stay literal (template syntax must not be evaluated). */
export const ssti = `ssti-${r}`;
/** The template syntax that follows {@link ssti}. */
export const literal = ' {{ 7*7 }} ${{ 6*6 }} {% raw %}';

/** Text an attacker puts in a parameter, each meant to change the generated YAML's structure or be evaluated. */
export const injections: Record<string, string> = {
  'a newline and a new document': `x\n---\n${stringify(component(injected))}`,
  'a newline and a new key': `x\n  annotations:\n    ${injected}: yes`,
  'a closing quote and a new document': `x"\n---\n${stringify(component(injected))}`,
  'a YAML anchor and alias': `&a ${injected}\nspec: *a`,
  'a flow mapping': `{ name: ${injected}, kind: Component }`,
  'a YAML comment': `x # ${injected}`,
  'template syntax': `${ssti}${literal}`,
};

/** A folder's files as a dry run's `directoryContents`. */
export function filesOf(dir: string): Array<{ path: string; base64Content: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => ({
      path: relative(dir, join(dir, path)),
      base64Content: readFileSync(join(dir, path)).toString('base64'),
    }));
}

/** True when a parsed document holds a key, or a `name`, that the attacker chose. */
function hasInjectedStructure(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasInjectedStructure);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(
    ([key, item]) => key === injected || (key === 'name' && item === injected) || hasInjectedStructure(item),
  );
}

/** The documents of a rendered YAML or JSON file; `undefined` when it no longer parses. */
function documentsOf(path: string, text: string): unknown[] | undefined {
  try {
    if (path.endsWith('.json')) return [JSON.parse(text)];
    if (!/\.ya?ml$/.test(path)) return [];
    const documents = parseAllDocuments(text);
    return (Array.isArray(documents) ? documents : [documents]).map((d) => d.toJS());
  } catch {
    return undefined;
  }
}

/** Checks a dry run's rendered files: one document per YAML file, no structure of the caller's, their text kept literal. */
export function checkRendered(attempts: Attempts, reply: Reply, what: string): void {
  if (reply.status === 400) return;
  const body = reply.json as { directoryContents?: Array<{ path: string; base64Content: string }> };
  attempts.check(reply.status === 200, `${what}: answered ${reply.status} ${reply.text.slice(0, 200)}`);
  for (const file of body.directoryContents ?? []) {
    const text = Buffer.from(file.base64Content, 'base64').toString('utf8');
    const documents = documentsOf(file.path, text);
    if (!documents) attempts.check(false, `${what}: ${file.path} no longer parses`);
    else if (/\.ya?ml$/.test(file.path) && documents.length !== 1)
      attempts.check(false, `${what}: ${file.path} has ${documents.length} YAML documents`);
    else if (hasInjectedStructure(documents))
      attempts.check(false, `${what}: ${file.path} holds ${injected} as structure`);
    for (const at of [...text.matchAll(new RegExp(ssti, 'g'))].map((m) => m.index ?? 0))
      attempts.check(
        text.startsWith(literal, at + ssti.length),
        `${what}: ${file.path} evaluated the caller's text`,
      );
  }
}
