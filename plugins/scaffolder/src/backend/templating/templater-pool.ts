// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import { createTemplater, type Templater, type TemplaterOptions } from '@atrium/templating';

/** The syntax options that need a templater of their own (they configure its Nunjucks environment). */
interface SyntaxOptions {
  cookiecutterCompat?: boolean;
  trimBlocks?: boolean;
  lstripBlocks?: boolean;
}

/** Shared sandboxed templaters, one per syntax variant, created on first use. */
export interface TemplaterPool {
  get(syntax?: SyntaxOptions): Templater;
  /** Stops every sandbox process (at plugin shutdown). */
  close(): Promise<void>;
}

/**
 * Creates the pool. Each templater is a sandbox child process, so tasks share them
 * instead of starting one per task; the base options (limits, extra filters) are common.
 *
 * @example
 * const pool = createTemplaterPool({ timeoutMs: 5000 });
 * await pool.get().renderValue('${{ parameters.name }}', { parameters: { name: 'x' } });
 */
export function createTemplaterPool(base: TemplaterOptions): TemplaterPool {
  const templaters = new Map<string, Templater>();
  return {
    get(syntax = {}) {
      const normalized = {
        cookiecutterCompat: syntax.cookiecutterCompat === true,
        trimBlocks: syntax.trimBlocks === true,
        lstripBlocks: syntax.lstripBlocks === true,
      };
      const key = JSON.stringify(normalized);
      let templater = templaters.get(key);
      if (!templater) {
        templater = createTemplater({ ...base, ...normalized });
        templaters.set(key, templater);
      }
      return templater;
    },
    async close() {
      const all = [...templaters.values()];
      templaters.clear();
      await Promise.allSettled(all.map((t) => t.close()));
    },
  };
}
