import type { ZodType } from 'zod';
import {
  defineExtension,
  type ExtensionAttachment,
  type ExtensionDefinition,
  type ExtensionFactoryContext,
} from './define-extension.js';
import type { ExtensionDataRefs, ExtensionDataValues } from './extension-data-ref.js';
import type { ExtensionInputs, ResolvedExtensionInputs } from './extension-input.js';

/** Where and how a blueprint-made extension is placed. */
export interface BlueprintMakeOptions {
  /** Extension name; the id becomes `<kind>:<plugin id>/<name>` (or `<kind>:<plugin id>`). */
  name?: string;
  namespace?: string;
  /** Overrides the blueprint's default parent. */
  attachTo?: ExtensionAttachment;
  disabled?: boolean;
}

/** Options of a blueprint's `makeWithInputs`: extra inputs whose children feed the params. */
export interface BlueprintMakeWithInputsOptions<TParams, TConfig, TInputs extends ExtensionInputs>
  extends BlueprintMakeOptions {
  inputs: TInputs;
  params: (context: { inputs: ResolvedExtensionInputs<TInputs>; config: TConfig }) => TParams;
}

/** A factory of extensions of one kind: the author gives only the parameters. */
export interface Blueprint<TParams, TConfig> {
  readonly kind: string;
  /** Makes an extension from fixed parameters. */
  make(options: BlueprintMakeOptions & { params: TParams }): ExtensionDefinition;
  /** Makes an extension that offers its own inputs, with parameters computed from them. */
  makeWithInputs<TInputs extends ExtensionInputs>(
    options: BlueprintMakeWithInputsOptions<TParams, TConfig, TInputs>,
  ): ExtensionDefinition;
}

/** Options of {@link defineBlueprint}. */
export interface DefineBlueprintOptions<TParams, TOutput extends ExtensionDataRefs, TConfig> {
  kind: string;
  attachTo: ExtensionAttachment;
  output: TOutput;
  config?: ZodType<TConfig>;
  disabled?: boolean;
  factory: (
    params: TParams,
    context: ExtensionFactoryContext<TConfig, Record<string, never>>,
  ) => ExtensionDataValues<TOutput>;
}

/**
 * Declares a blueprint: the fixed kind, parent, outputs and config of a common sort of
 * extension, and how parameters become outputs.
 *
 * @example
 * const BannerBlueprint = defineBlueprint({
 *   kind: 'banner', attachTo: { id: 'page:home', input: 'banners' },
 *   output: { element: coreExtensionData.reactElement },
 *   factory: (params: { text: string }) => ({ element: <p>{params.text}</p> }),
 * });
 */
export function defineBlueprint<TParams, TOutput extends ExtensionDataRefs, TConfig = Record<string, never>>(
  blueprint: DefineBlueprintOptions<TParams, TOutput, TConfig>,
): Blueprint<TParams, TConfig> {
  const base = (options: BlueprintMakeOptions) => ({
    kind: blueprint.kind,
    name: options.name,
    namespace: options.namespace,
    attachTo: options.attachTo ?? blueprint.attachTo,
    disabled: options.disabled ?? blueprint.disabled,
    output: blueprint.output,
    config: blueprint.config,
  });
  return {
    kind: blueprint.kind,
    make(options) {
      return defineExtension<TOutput, Record<string, never>, TConfig>({
        ...base(options),
        factory: (context) => blueprint.factory(options.params, context),
      });
    },
    makeWithInputs(options) {
      return defineExtension({
        ...base(options),
        inputs: options.inputs,
        factory: (context) =>
          blueprint.factory(options.params({ inputs: context.inputs, config: context.config }), {
            ...context,
            inputs: {},
          }),
      });
    },
  };
}
