import { pathToFileURL } from 'node:url';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  parseLocationRef,
} from '@atrium/catalog-model';
import { InputError, NotFoundError } from '@atrium/errors';
import type { UrlReaderService } from '@atrium/kernel';
import { parse as parseYaml } from 'yaml';
import type { ScmFactConfig } from '../config.js';
import { compileJsonPath } from '../engine/json-path.js';
import { compileSafeRegex } from '../engine/operators.js';
import type { KnownEntity } from '../store/entity-store.js';
import type { CollectedFact, FactCollector } from './fact-collector.js';

function sourceBase(entity: KnownEntity): string {
  const annotations = (entity.entity.metadata.annotations ?? {}) as Record<string, string>;
  const annotation = annotations[ANNOTATION_SOURCE_LOCATION] ?? annotations[ANNOTATION_MANAGED_BY_LOCATION];
  if (!annotation)
    throw new InputError(`${entity.entityRef} has no source or managed-by location to read files from`);
  const { type, target } = parseLocationRef(annotation);
  if (type === 'file') return pathToFileURL(target).href;
  if (type === 'url') return new URL(target).href;
  throw new InputError(
    `${entity.entityRef}: location '${annotation}' has type '${type}'; only file: and url: are read`,
  );
}

async function readFile(
  urlReader: UrlReaderService,
  url: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  try {
    const response = await urlReader.readUrl(url, { signal });
    return (await response.buffer()).toString('utf8');
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

function valueAt(fact: ScmFactConfig, text: string): unknown {
  const document = fact.path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  return compileJsonPath(fact.valuePath ?? '$').select(document)[0];
}

/**
 * The `scm` collector: per configured file, whether it exists in the entity's repository
 * (its source location), whether its content matches a regex, or a JSON/YAML value in it.
 * Every read goes through the URL reader and may not leave the entity's location.
 */
export function createScmCollector(options: {
  urlReader: UrlReaderService;
  facts: ScmFactConfig[];
  frequency: FactCollector['frequency'];
  timeout: FactCollector['timeout'];
}): FactCollector {
  const regexes = new Map(
    options.facts.filter((fact) => fact.regex).map((fact) => [fact.name, compileSafeRegex(fact.regex)]),
  );
  for (const fact of options.facts) if (fact.valuePath) compileJsonPath(fact.valuePath);
  return {
    id: 'scm',
    description: 'Files of the entity repository (through the URL reader)',
    facts: options.facts.map((fact) => ({
      factRef: `scm:default/${fact.name}`,
      description: fact.description ?? `${fact.type} ${fact.path}`,
    })),
    frequency: options.frequency,
    timeout: options.timeout,
    appliesTo: (entity) =>
      entity.entity.kind.toLowerCase() === 'component' || entity.entity.kind.toLowerCase() === 'api',
    async collect(entity, signal): Promise<CollectedFact[]> {
      const base = sourceBase(entity);
      const out: CollectedFact[] = [];
      for (const fact of options.facts) {
        const url = options.urlReader.resolveTarget(base, fact.path);
        const text = await readFile(options.urlReader, url, signal);
        const data: Record<string, unknown> = { exists: text !== undefined };
        const regex = regexes.get(fact.name);
        if (fact.type === 'regex' && regex) data.matches = text !== undefined && regex.test(text);
        if (fact.type === 'value' && text !== undefined) data.value = valueAt(fact, text);
        out.push({ factRef: `scm:default/${fact.name}`, data });
      }
      return out;
    },
  };
}
