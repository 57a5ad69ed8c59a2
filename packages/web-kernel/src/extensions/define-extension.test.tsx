import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { coreExtensionData, type NavItem } from './core-extension-data.js';
import { defineBlueprint } from './define-blueprint.js';
import { defineExtension } from './define-extension.js';
import { defineExtensionInput, type ExtensionInputItem } from './extension-input.js';

describe('defineExtension', () => {
  it('types inputs by their data refs and cardinality, and config by its schema', () => {
    const extension = defineExtension({
      kind: 'page',
      attachTo: { id: 'app/layout', input: 'routes' },
      inputs: {
        tabs: defineExtensionInput({
          path: coreExtensionData.routePath,
          nav: coreExtensionData.navItem.optional(),
        }),
        header: defineExtensionInput({ element: coreExtensionData.reactElement }, { singleton: true }),
        footer: defineExtensionInput(
          { element: coreExtensionData.reactElement },
          { singleton: true, optional: true },
        ),
      },
      output: { path: coreExtensionData.routePath, element: coreExtensionData.reactElement },
      config: z.object({ title: z.string().default('Catalog') }),
      factory: ({ inputs, config }) => {
        expectTypeOf(inputs.tabs).toEqualTypeOf<
          ExtensionInputItem<{
            path: typeof coreExtensionData.routePath;
            nav: ReturnType<typeof coreExtensionData.navItem.optional>;
          }>[]
        >();
        expectTypeOf(inputs.tabs[0]!.output.nav).toEqualTypeOf<NavItem | undefined>();
        expectTypeOf(inputs.header.output.element).toEqualTypeOf<React.ReactElement>();
        expectTypeOf(inputs.footer).toEqualTypeOf<
          ExtensionInputItem<{ element: typeof coreExtensionData.reactElement }> | undefined
        >();
        expectTypeOf(config.title).toEqualTypeOf<string>();
        return { path: '/catalog', element: <p>{config.title}</p> };
      },
    });
    expect(extension).toMatchObject({ kind: 'page', disabled: false });
  });

  it('requires every non-optional output with its type', () => {
    defineExtension({
      kind: 'nav-item',
      attachTo: { id: 'app/layout', input: 'nav' },
      output: { navItem: coreExtensionData.navItem },
      // @ts-expect-error a nav item needs a title and a path
      factory: () => ({ navItem: { title: 'x' } }),
    });
    defineExtension({
      kind: 'nav-item',
      attachTo: { id: 'app/layout', input: 'nav' },
      output: { navItem: coreExtensionData.navItem },
      // @ts-expect-error the navItem output is required
      factory: () => ({}),
    });
  });

  it('types blueprint params from the factory', () => {
    const Banner = defineBlueprint({
      kind: 'banner',
      attachTo: { id: 'page:home', input: 'banners' },
      output: { element: coreExtensionData.reactElement },
      factory: (params: { text: string }) => ({ element: <p>{params.text}</p> }),
    });
    expect(Banner.make({ params: { text: 'hi' } }).kind).toBe('banner');
    // @ts-expect-error text must be a string
    Banner.make({ params: { text: 1 } });
  });
});
