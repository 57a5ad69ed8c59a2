import { AtriumError } from '@atrium/errors';
import { init, parse } from 'es-module-lexer';
import { appErrorCodes } from '../app-error-codes.js';
import type { SharedModuleUrls } from './read-shared-modules.js';

const isBare = (specifier: string) => !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(specifier);

/**
 * Points a bundle module's imports of shared modules (`import … from 'react'`) at the
 * modules the web app built for them. The browser could do this with an import map, but an
 * import map is an inline script, which the Content-Security-Policy forbids; rewriting once
 * at startup keeps `script-src 'self'`. Relative imports (the bundle's own chunks) stay.
 *
 * @example
 * await rewriteSharedImports('import{jsx}from"react/jsx-runtime";', { feature: '@acme/radar', file: 'index.js', shared });
 * // 'import{jsx}from"/assets/shared/react-jsx-runtime-Bx1.js";'
 */
export async function rewriteSharedImports(
  source: string,
  where: { feature: string; file: string; shared: SharedModuleUrls },
): Promise<string> {
  await init;
  const [imports] = parse(source, where.file);
  let out = '';
  let last = 0;
  for (const found of imports) {
    // import.meta, or import() of a computed value: nothing to resolve ahead of time.
    if (found.n === undefined || found.d === -2 || !isBare(found.n)) continue;
    const url = where.shared.get(found.n);
    if (url === undefined) {
      throw new AtriumError(
        appErrorCodes.APP_FEATURE_UNRESOLVED_IMPORT,
        `feature '${where.feature}' (${where.file}) imports '${found.n}', which the web app does not share. ` +
          `Rebuild the plugin with 'atrium plugin build' (npm run build), which bundles every library the app does not share; the app shares: ${[...where.shared.keys()].join(', ')}`,
      );
    }
    // A static import's range is the bare name; a dynamic import's includes its quotes.
    out += source.slice(last, found.s) + (found.d > -1 ? JSON.stringify(url) : url);
    last = found.e;
  }
  return out + source.slice(last);
}
