import { describe, expect, it } from 'vitest';
import { appErrorCodes } from '../app-error-codes.js';
import { rewriteSharedImports } from './rewrite-shared-imports.js';

const shared = new Map([
  ['react', '/assets/shared/react-A1.js'],
  ['react/jsx-runtime', '/assets/shared/react-jsx-runtime-B2.js'],
  ['@atrium/web-kernel', '/assets/shared/atrium-web-kernel-C3.js'],
]);
const where = { feature: '@acme/radar', file: 'index.js', shared };

describe('rewriteSharedImports', () => {
  it("points static, re-export and dynamic imports of shared modules at the app's modules", async () => {
    const source = [
      'import{jsx as e}from"react/jsx-runtime";',
      "export { defineWebPlugin } from '@atrium/web-kernel';",
      'const lazy=()=>import("react");',
      'const page=()=>import("./chunk-XY.js");',
      'const url=import.meta.url;',
    ].join('\n');
    expect(await rewriteSharedImports(source, where)).toBe(
      [
        'import{jsx as e}from"/assets/shared/react-jsx-runtime-B2.js";',
        "export { defineWebPlugin } from '/assets/shared/atrium-web-kernel-C3.js';",
        'const lazy=()=>import("/assets/shared/react-A1.js");',
        'const page=()=>import("./chunk-XY.js");',
        'const url=import.meta.url;',
      ].join('\n'),
    );
  });

  it('leaves relative and absolute URLs and computed imports alone', async () => {
    const source =
      'import"./a.js";import"../b.js";import"/c.js";import"https://cdn.example/d.js";import(name);';
    expect(await rewriteSharedImports(source, where)).toBe(source);
  });

  it('refuses a bare import the app does not share, naming the feature, file, module and fix', async () => {
    await expect(rewriteSharedImports('import{x}from"left-pad";', where)).rejects.toMatchObject({
      code: appErrorCodes.APP_FEATURE_UNRESOLVED_IMPORT,
      message: expect.stringMatching(
        /^feature '@acme\/radar' \(index\.js\) imports 'left-pad', which the web app does not share\. Rebuild the plugin with 'atrium plugin build'.*shares: react, react\/jsx-runtime, @atrium\/web-kernel$/,
      ),
    });
  });
});
