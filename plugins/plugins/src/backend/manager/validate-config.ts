import { InputError } from '@atrium/errors';
import { Ajv } from 'ajv';
import { pluginsErrorCodes } from '../plugins-error-codes.js';

/** Checks a config against a plugin's JSON schema, naming every problem by its path. */
export function validatePluginConfig(
  pluginId: string,
  schema: Record<string, unknown> | undefined,
  config: Record<string, unknown>,
): void {
  if (!schema) return;
  const ajv = new Ajv({ allErrors: true, strict: false });
  let validate: ReturnType<Ajv['compile']>;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new InputError(
      `plugin '${pluginId}' declares a config schema that does not compile: ${(error as Error).message}`,
      { code: pluginsErrorCodes.PLUGINS_CONFIG_INVALID },
    );
  }
  if (validate(config)) return;
  const problems = (validate.errors ?? []).map(
    (e) => `'${e.instancePath || '/'}' ${e.message ?? 'is invalid'}`,
  );
  throw new InputError(`config of plugin '${pluginId}' is invalid: ${problems.join('; ')}`, {
    code: pluginsErrorCodes.PLUGINS_CONFIG_INVALID,
    details: { problems },
  });
}
