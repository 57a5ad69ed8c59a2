import { AtriumError } from '@atrium/errors';
import type { ValidateFunction } from 'ajv';
import { assertUniqueKind } from './assert-unique-kind.js';
import { BUILTIN_KINDS } from './builtin-kinds.js';
import { catalogModelErrorCodes } from './catalog-model-error-codes.js';
import { createSchemaCompiler, type SchemaCompiler } from './create-schema-compiler.js';
import { defineKind, type JsonSchema, type KindDefinition, type KindExtension } from './define-kind.js';
import { describeAjvErrors } from './describe-ajv-errors.js';
import type { Entity } from './entity.js';
import { type EnvelopeValidationOptions, validateEntityEnvelope } from './validate-entity-envelope.js';
import { validateEntityFields } from './validate-entity-fields.js';
import type { ValidationProblem } from './validation-problem.js';

/** Undoes a registration; calling it twice does nothing. */
export type KindRegistration = { dispose(): void };

/** The kinds the catalog accepts, with their spec schemas; plugins add and extend kinds. */
export type KindRegistry = {
  /** Adds a kind (or new apiVersions of a kind); throws on a kind/apiVersion already registered. */
  registerKind(definition: KindDefinition): KindRegistration;
  /** Adds spec fields to every apiVersion of a registered kind; throws if the kind is unknown. */
  extendKind(kind: string, extension: KindExtension): KindRegistration;
  /** The registered kinds, extensions not applied. */
  listKinds(): KindDefinition[];
  /** True when the kind (case-sensitive, as in descriptors) is registered, for the apiVersion if given. */
  hasKind(kind: string, apiVersion?: string): boolean;
  /** Checks that some registered kind recognizes the entity and that its `spec` matches the schema. */
  validateKind(entity: Entity): ValidationProblem[];
  /** Runs every check: envelope, field formats, then the kind's schema. Never throws for a bad entity. */
  validateEntity(value: unknown, options?: EnvelopeValidationOptions): ValidationProblem[];
};

/** Options of {@link createKindRegistry}. */
export type KindRegistryOptions = {
  /** Register the built-in kinds (Component, API, ..., Template); default true. */
  builtinKinds?: boolean;
};

// Envelope problems at these paths leave nothing sound to check further.
const BLOCKING_PATHS = new Set(['', 'apiVersion', 'kind', 'metadata']);

/**
 * Creates a registry of entity kinds that validates entities. Schemas are compiled with
 * ajv on first use and cached until a kind is registered, extended or disposed.
 *
 * @example
 * const kinds = createKindRegistry();
 * kinds.registerKind(defineKind({ kind: 'Widget', apiVersions: ['example.com/v1'], schema: { type: 'object' } }));
 * kinds.extendKind('Component', { properties: { tier: { enum: ['1', '2', '3'] } }, required: ['tier'] });
 * const problems = kinds.validateEntity(entity); // [{ path: 'spec.tier', message: "spec is missing required field 'tier'" }]
 */
export function createKindRegistry(options: KindRegistryOptions = {}): KindRegistry {
  const definitions: KindDefinition[] = [];
  const extensions = new Map<string, KindExtension[]>();
  const compiled = new Map<KindDefinition, ValidateFunction>();
  let compiler: SchemaCompiler | undefined;
  const getCompiler = () => {
    compiler ??= createSchemaCompiler();
    return compiler;
  };
  // Dropping the compiler too (not only its functions) keeps schemas with an `$id` recompilable.
  const invalidate = () => {
    compiled.clear();
    compiler = undefined;
  };

  function add(definition: KindDefinition, checkSchema: boolean): KindRegistration {
    const kind = defineKind(definition);
    assertUniqueKind(kind, definitions);
    if (checkSchema) getCompiler().assertValidSchema(kind.schema, `kind '${kind.kind}'`);
    definitions.push(kind);
    invalidate();
    return once(() => {
      const index = definitions.indexOf(kind);
      if (index !== -1) definitions.splice(index, 1);
      invalidate();
    });
  }

  function extendKind(kind: string, extension: KindExtension): KindRegistration {
    if (!definitions.some((definition) => definition.kind === kind)) {
      throw new AtriumError(
        catalogModelErrorCodes.CATALOG_MODEL_UNKNOWN_KIND,
        `cannot extend kind '${kind}': it is not registered; known kinds: ${knownKinds(definitions)}. Register it first.`,
        { details: { kind } },
      );
    }
    const schema = extensionSchema(extension);
    getCompiler().assertValidSchema(schema, `the extension of kind '${kind}'`);
    const list = extensions.get(kind) ?? [];
    extensions.set(kind, [...list, extension]);
    invalidate();
    return once(() => {
      extensions.set(
        kind,
        (extensions.get(kind) ?? []).filter((item) => item !== extension),
      );
      invalidate();
    });
  }

  function validatorFor(definition: KindDefinition): ValidateFunction {
    let validate = compiled.get(definition);
    if (!validate) {
      const added = (extensions.get(definition.kind) ?? []).map(extensionSchema);
      const schema = added.length === 0 ? definition.schema : { allOf: [definition.schema, ...added] };
      validate = getCompiler().compile(schema, `kind '${definition.kind}'`);
      compiled.set(definition, validate);
    }
    return validate;
  }

  function validateKind(entity: Entity): ValidationProblem[] {
    const { kind, apiVersion } = entity;
    const sameKind = definitions.filter((definition) => definition.kind === kind);
    if (sameKind.length === 0) return [unknownKindProblem(kind, apiVersion, definitions)];
    const definition = sameKind.find((candidate) => candidate.apiVersions.includes(apiVersion));
    if (!definition) {
      const supported = sameKind.flatMap((candidate) => candidate.apiVersions).join(', ');
      const message = `apiVersion '${apiVersion}' is not supported for kind '${kind}'; supported: ${supported}`;
      return [{ path: 'apiVersion', message }];
    }
    if (entity.spec === undefined) {
      if (definition.requireSpec === false) return [];
      return [{ path: 'spec', message: "entity is missing required field 'spec'" }];
    }
    const validate = validatorFor(definition);
    if (validate(entity.spec)) return [];
    return describeAjvErrors(validate.errors ?? [], entity.spec, 'spec');
  }

  function validateEntity(
    value: unknown,
    validationOptions: EnvelopeValidationOptions = {},
  ): ValidationProblem[] {
    const problems = validateEntityEnvelope(value, validationOptions);
    if (problems.some((problem) => BLOCKING_PATHS.has(problem.path))) return problems;
    const entity = value as Entity;
    problems.push(...validateEntityFields(entity));
    if (!problems.some((problem) => problem.path === 'spec')) problems.push(...validateKind(entity));
    return problems;
  }

  if (options.builtinKinds !== false) for (const kind of BUILTIN_KINDS) add(kind, false);

  return {
    registerKind: (definition) => add(definition, true),
    extendKind,
    listKinds: () => [...definitions],
    hasKind: (kind, apiVersion) =>
      definitions.some(
        (d) => d.kind === kind && (apiVersion === undefined || d.apiVersions.includes(apiVersion)),
      ),
    validateKind,
    validateEntity,
  };
}

function extensionSchema(extension: KindExtension): JsonSchema {
  return { type: 'object', properties: extension.properties, required: [...(extension.required ?? [])] };
}

function unknownKindProblem(
  kind: string,
  apiVersion: string,
  definitions: KindDefinition[],
): ValidationProblem {
  const lookalike = definitions.find(
    (definition) => definition.kind.toLowerCase() === String(kind).toLowerCase(),
  );
  const hint = lookalike ? `; did you mean '${lookalike.kind}'? (kinds are case-sensitive)` : '';
  return {
    path: 'kind',
    message: `kind '${kind}' (apiVersion '${apiVersion}') is not a known kind; known kinds: ${knownKinds(definitions)}${hint}`,
  };
}

function knownKinds(definitions: KindDefinition[]): string {
  const names = [...new Set(definitions.map((definition) => definition.kind))].sort();
  return names.length > 0 ? names.join(', ') : '(none)';
}

function once(dispose: () => void): KindRegistration {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      dispose();
    },
  };
}
