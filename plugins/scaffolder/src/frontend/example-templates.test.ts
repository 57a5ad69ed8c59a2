import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKindRegistry, type Entity, type TemplateEntity } from '@atrium/catalog-model';
import { createTemplater, type JsonObject } from '@atrium/templating';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const root = fileURLToPath(new URL('../../../../examples/templates/', import.meta.url));
const builtinFields = new Set(['EntityPicker', 'OwnerPicker', 'RepoUrlPicker', 'EntityNamePicker']);
const builtinActions = new Set([
  'fetch:template',
  'publish:git',
  'catalog:register',
  'debug:log',
  'catalog:write',
]);
const keywords = new Set([
  'if',
  'else',
  'elif',
  'endif',
  'and',
  'or',
  'not',
  'in',
  'is',
  'true',
  'false',
  'none',
  'null',
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The root variables an expression reads: identifiers not after `.` or `|` (filters), outside strings. */
function rootVariables(expression: string): string[] {
  const code = expression.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
  return [...code.matchAll(/(^|[^\w$.|\s]|\s)\s*([A-Za-z_$][\w$]*)/g)]
    .filter((match) => !/[.|]\s*$/.test(code.slice(0, match.index + match[0].length - match[2]!.length)))
    .map((match) => match[2]!)
    .filter((name) => !keywords.has(name));
}

function expressionsOf(text: string): string[] {
  const variables = [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
  const blocks = [...text.matchAll(/\{%-?\s*(?:if|elif|for)\s([\s\S]*?)-?%\}/g)].map((m) => m[1]!);
  return [...variables, ...blocks];
}

const templateFiles = walk(root).filter((path) => path.endsWith('/template.yaml'));
const kinds = createKindRegistry();
const templater = createTemplater({ timeoutMs: 5000 });
afterAll(() => templater.close());

const sampleValues: Record<string, JsonObject> = {
  'node-service': {
    name: 'inventory-api',
    description: 'Keeps stock counts.',
    owner: 'group:default/team-devex',
    port: 8080,
    lifecycle: 'experimental',
    remoteUrl: 'file:///tmp/atrium-git/inventory-api.git',
  },
  'docs-site': {
    name: 'handbook',
    title: 'Team handbook',
    description: 'How we work.',
    owner: 'group:default/team-devex',
    component: 'component:default/storefront',
  },
  'ts-library': {
    name: 'money-format',
    packageName: '@acme/money-format',
    description: 'Formats money.',
    owner: 'group:default/team-devex',
    system: '',
  },
};

// What the server refuses (the parameter patterns) must not break the files either, if a
// value ever gets past validation: every interpolation into YAML or JSON is quoted.
const injected =
  'x\n---\napiVersion: backstage.io/v1alpha1\nkind: Location\nspec: {target: /etc/passwd}\n"\\';
const hostileValues: JsonObject = {
  name: `svc${injected}`,
  title: `title${injected}`,
  description: `about${injected}`,
  owner: `group:default/team${injected}`,
  lifecycle: `experimental${injected}`,
  remoteUrl: `file:///tmp/x.git${injected}`,
  packageName: `@acme/x${injected}`,
  component: `component:default/c${injected}`,
  system: `system:default/s${injected}`,
  port: 8080,
};

describe('examples/templates', () => {
  it('finds the root variables of expressions (the check below relies on it)', () => {
    expect(rootVariables(' values.name | dump ')).toEqual(['values']);
    expect(rootVariables(" 'a' + parameters.x if values.y else user.ref ")).toEqual([
      'parameters',
      'values',
      'user',
    ]);
    expect(expressionsOf(`a $\u007b{ values.a }} {%- if secrets.b %}x{% endif %}`)).toEqual([
      ' values.a ',
      'secrets.b ',
    ]);
  });

  it('has the Node.js service, documentation site and library templates, all listed in all.yaml', () => {
    const names = templateFiles.map((path) => relative(root, dirname(path))).sort();
    expect(names).toEqual(['docs-site', 'node-service', 'ts-library']);
    const location = parse(readFileSync(join(root, 'all.yaml'), 'utf8')) as Entity;
    expect(kinds.validateEntity(location)).toEqual([]);
    const targets = ((location.spec?.targets ?? []) as string[]).map((target) => join(root, target)).sort();
    expect(targets).toEqual([...templateFiles].sort());
  });

  describe.each(templateFiles.map((path) => [relative(root, dirname(path)), path]))('%s', (name, path) => {
    const template = parse(readFileSync(path, 'utf8')) as TemplateEntity;
    const skeleton = join(dirname(path), 'skeleton');

    it('is a valid Template entity', () => {
      expect(kinds.validateEntity(template)).toEqual([]);
      expect(template.metadata.name).toBe(name);
    });

    it('uses built-in actions and fields only, publishes to gitBase and registers the result', () => {
      const steps = template.spec.steps;
      expect(steps.map((step) => step.action)).toEqual(['fetch:template', 'publish:git', 'catalog:register']);
      for (const step of steps) expect(builtinActions.has(step.action)).toBe(true);
      expect(String(steps[1]!.input?.remoteUrl)).toMatch(/^\$\{\{ environment\.parameters\.gitBase \}\}\//);
      const pages = [template.spec.parameters ?? []].flat() as {
        required?: string[];
        properties?: Record<string, Record<string, unknown>>;
      }[];
      for (const page of pages) {
        for (const required of page.required ?? []) expect(page.properties).toHaveProperty(required);
        for (const property of Object.values(page.properties ?? {})) {
          const field = property['ui:field'];
          if (field !== undefined) expect(builtinFields.has(String(field))).toBe(true);
        }
      }
      expect(pages[0]?.properties?.name?.['ui:field']).toBe('EntityNamePicker');
      expect(template.spec.output?.links?.map((link) => link.title)).toEqual([
        'Repository',
        'Open in catalog',
      ]);
    });

    it('constrains every text parameter on the server: a pattern or an enum, and a length', () => {
      const pages = [template.spec.parameters ?? []].flat() as {
        properties?: Record<string, Record<string, unknown>>;
      }[];
      for (const page of pages) {
        for (const [key, property] of Object.entries(page.properties ?? {})) {
          if (property.type !== 'string') continue;
          expect({ key, constrained: 'pattern' in property || 'enum' in property }).toEqual({
            key,
            constrained: true,
          });
          if (!('enum' in property)) expect(property.maxLength, key).toBeTypeOf('number');
          if (typeof property.pattern === 'string') {
            expect(new RegExp(property.pattern, 'u').test('x\n---\nkind: Group'), key).toBe(false);
          }
        }
      }
    });

    it('has a skeleton whose expressions read only values.*', () => {
      const files = walk(skeleton);
      expect(files.map((file) => relative(skeleton, file))).toContain('catalog-info.yaml');
      for (const file of files) {
        for (const expression of expressionsOf(readFileSync(file, 'utf8'))) {
          expect({ file: relative(skeleton, file), roots: rootVariables(expression) }).toEqual({
            file: relative(skeleton, file),
            roots: rootVariables(expression).map(() => 'values'),
          });
        }
      }
    });

    it('keeps catalog-info.yaml one document and package.json one object whatever the values hold', async () => {
      const files = walk(skeleton).filter((file) => /catalog-info\.yaml$|\.json$|\.yml$/.test(file));
      const rendered = await templater.renderMany(
        files.map((file) => ({ template: readFileSync(file, 'utf8'), name: relative(skeleton, file) })),
        { values: hostileValues },
      );
      const byPath = new Map(files.map((file, index) => [relative(skeleton, file), rendered[index]!]));
      const documents = parseAllDocuments(byPath.get('catalog-info.yaml')!);
      expect(Array.isArray(documents) && documents.length).toBe(1);
      const entity = parse(byPath.get('catalog-info.yaml')!) as Entity;
      expect(entity.metadata.name).toBe(hostileValues.name);
      expect(entity.spec?.owner).toBe(hostileValues.owner);
      for (const [file, text] of byPath) {
        if (file.endsWith('package.json')) {
          expect((JSON.parse(text) as { description?: string }).description, file).toBe(
            hostileValues.description,
          );
        }
        if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
        if (file.endsWith('.yml')) expect(parseAllDocuments(text), file).toHaveLength(1);
      }
    });

    it('renders a skeleton with a valid catalog-info.yaml and parseable config files', async () => {
      const files = walk(skeleton);
      const rendered = await templater.renderMany(
        files.map((file) => ({ template: readFileSync(file, 'utf8'), name: relative(skeleton, file) })),
        { values: sampleValues[name]! },
      );
      const byPath = new Map(files.map((file, index) => [relative(skeleton, file), rendered[index]!]));
      const entity = parse(byPath.get('catalog-info.yaml')!) as Entity;
      expect(kinds.validateEntity(entity)).toEqual([]);
      expect(entity.metadata.name).toBe(sampleValues[name]!.name);
      expect(entity.spec?.owner).toBe('group:default/team-devex');
      for (const [file, text] of byPath) {
        if (file.endsWith('.json')) expect(() => JSON.parse(text), file).not.toThrow();
        if (file.endsWith('.yml')) expect(() => parse(text), file).not.toThrow();
      }
    });
  });
});
