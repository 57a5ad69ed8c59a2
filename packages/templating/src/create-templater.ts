import { InputError } from '@atrium/errors';
import type { JsonObject, JsonValue, RenderedValue } from './json-value.js';
import { createSandboxClient } from './sandbox-client.js';
import type { SandboxItem, SandboxItemResult } from './sandbox-settings.js';
import { itemError, requestError, type TemplateOrigin } from './template-expression-error.js';
import {
  type RenderItem,
  type RenderOptions,
  resolveSandboxSettings,
  type TemplaterOptions,
} from './templater-options.js';
import { collectStrings, preservedValue, replaceStrings } from './type-preservation.js';

/** A live, sandboxed template renderer; `close()` stops its sandbox process. */
export interface Templater {
  /** Renders a template to text (file contents, file names). Throws on any template error. */
  renderString(template: string, context: JsonObject, options?: RenderOptions): Promise<string>;
  /**
   * Renders every string inside `value` with type preservation. A failing string is kept
   * unchanged unless `strict`; limit errors (time, size, memory) always throw.
   */
  renderValue(value: JsonValue, context: JsonObject, options?: RenderOptions): Promise<RenderedValue>;
  /** Renders many templates against one context in a single sandbox round trip. */
  renderMany(items: readonly RenderItem[], context: JsonObject, options?: RenderOptions): Promise<string[]>;
  /** Whether an expression calls `always()` or `failure()`, i.e. may run after a failed step. */
  callsStatusFunctions(template: string): Promise<boolean>;
  /** Stops the sandbox process; later calls reject with `TEMPLATING_CLOSED`. */
  close(): Promise<void>;
}

type SuccessResult = Exclude<SandboxItemResult, { t: 'error' }>;

// Text without `{{`, `{%` or `{#` renders to itself, so it need not visit the sandbox.
const hasTemplateSyntax = (text: string): boolean => /\{[{%#]/.test(text);

function serializeRequest(items: SandboxItem[], context: JsonObject, failed: boolean): string {
  try {
    return JSON.stringify({ items, context, failed });
  } catch (error) {
    throw new InputError(`the template context cannot be serialised to JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Creates a templater whose expressions run in a sandbox: a child process holding a vm
 * realm with only Nunjucks and the filters, reached through JSON text alone.
 *
 * @example
 * const templater = createTemplater({ timeoutMs: 1000 });
 * await templater.renderValue({ count: '${{ parameters.n }}' }, { parameters: { n: 3 } });
 * // => { count: 3 }
 * await templater.close();
 */
export function createTemplater(options: TemplaterOptions = {}): Templater {
  const settings = resolveSandboxSettings(options);
  const sandbox = createSandboxClient(settings);

  async function render(
    items: SandboxItem[],
    origins: TemplateOrigin[],
    context: JsonObject,
    renderOptions: RenderOptions,
  ): Promise<SandboxItemResult[]> {
    const results: SandboxItemResult[] = items.map((item) => ({ t: 'text', text: item.template }));
    const pending = items.flatMap((item, index) => (hasTemplateSyntax(item.template) ? [index] : []));
    if (pending.length === 0) return results;
    const request = serializeRequest(
      pending.map((index) => items[index]!),
      context,
      renderOptions.failed ?? false,
    );
    const reply = await sandbox.run(request);
    if (!reply.ok) {
      throw requestError(
        reply.error,
        pending.map((index) => origins[index]!),
        settings.timeoutMs,
      );
    }
    const answered = JSON.parse(reply.response) as SandboxItemResult[];
    pending.forEach((index, position) => {
      results[index] = answered[position]!;
    });
    return results;
  }

  function textOf(result: SandboxItemResult, origin: TemplateOrigin): string {
    if (result.t === 'error') throw itemError(result, origin, settings.maxOutputBytes);
    if (result.t === 'text') return result.text;
    throw new InputError(`template ${JSON.stringify(origin.template)} did not render to text`);
  }

  return {
    async renderString(template, context, renderOptions = {}) {
      const origin = { template };
      const [result] = await render([{ template, mode: 'string' }], [origin], context, renderOptions);
      return textOf(result!, origin);
    },

    async renderMany(items, context, renderOptions = {}) {
      const origins = items.map((item) => ({ template: item.template, label: item.name }));
      const sandboxItems = items.map((item): SandboxItem => ({ template: item.template, mode: 'string' }));
      const results = await render(sandboxItems, origins, context, renderOptions);
      return results.map((result, index) => textOf(result, origins[index]!));
    },

    async renderValue(value, context, renderOptions = {}) {
      const strict = renderOptions.strict ?? options.strict ?? false;
      const leaves = collectStrings(value);
      const origins = leaves.map((leaf) => ({ template: leaf.template, label: leaf.path || undefined }));
      const sandboxItems = leaves.map((leaf): SandboxItem => ({ template: leaf.template, mode: 'value' }));
      const results = await render(sandboxItems, origins, context, renderOptions);
      const replacements = results.map((result, index): RenderedValue => {
        if (result.t !== 'error') return preservedValue(result as SuccessResult);
        // Backstage keeps a string whose expression fails; limits are never waved through.
        if (strict || result.reason === 'output')
          throw itemError(result, origins[index]!, settings.maxOutputBytes);
        return leaves[index]!.template;
      });
      return replaceStrings(value, replacements);
    },

    async callsStatusFunctions(template) {
      const origin = { template };
      const [result] = await render([{ template, mode: 'status' }], [origin], {}, {});
      if (result!.t === 'error') throw itemError(result!, origin, settings.maxOutputBytes);
      return result!.t === 'value' && result!.json === 'true';
    },

    close: () => sandbox.close(),
  };
}
