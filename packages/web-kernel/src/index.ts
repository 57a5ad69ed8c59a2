export {
  type AnyApiFactory,
  type ApiFactory,
  type ApiRef,
  type ApiRefsFor,
  defineApiFactory,
  defineApiRef,
} from './apis/api-ref.js';
export { type ApiRegistry, createApiRegistry } from './apis/api-registry.js';
export { type AppTheme, type AppThemeApi, appThemeApiRef, createAppThemeApi } from './apis/app-theme-api.js';
export { type AppNodeInfo, type AppPageInfo, type AppTreeApi, appTreeApiRef } from './apis/app-tree-api.js';
export { type ConfigApi, configApiRef, createConfigApi } from './apis/config-api.js';
export { createDiscoveryApi, type DiscoveryApi, discoveryApiRef } from './apis/discovery-api.js';
export { type CreateFetchApiOptions, createFetchApi, type FetchApi, fetchApiRef } from './apis/fetch-api.js';
export {
  type CreateIdentityApiOptions,
  createIdentityApi,
  type IdentityApi,
  type IdentityState,
  identityApiRef,
  type SignInProvider,
} from './apis/identity-api.js';
export { parseRefreshResponse, type SignInSession } from './apis/sign-in-session.js';
export { ApiProvider, type ApiProviderProps, useApi } from './apis/use-api.js';
export type { AppNode, AppTree } from './app/app-node.js';
export { type AppRoute, AppRoutes, type AppRoutesProps } from './app/app-routes.js';
export { type AtriumApp, type CreateAppOptions, createApp } from './app/create-app.js';
export { type AppLayoutProps, appLayoutInputs, defineAppLayout } from './app/define-app-layout.js';
export type { AppDiagnostic, AppDiagnosticCode } from './app/diagnostics.js';
export { ExtensionBoundary, type ExtensionBoundaryProps } from './app/extension-boundary.js';
export { type LoadAppConfigOptions, loadAppConfig } from './app/load-app-config.js';
export {
  type FeatureBundle,
  type LoadedFeatureBundles,
  type LoadFeatureBundlesOptions,
  loadFeatureBundles,
} from './app/load-feature-bundles.js';
export { resolveExtensionId } from './app/resolve-extension-id.js';
export { ApiBlueprint } from './blueprints/api-blueprint.js';
export { NavItemBlueprint } from './blueprints/nav-item-blueprint.js';
export { PageBlueprint, type PageParams } from './blueprints/page-blueprint.js';
export { SignInPageBlueprint } from './blueprints/sign-in-page-blueprint.js';
export { ThemeBlueprint } from './blueprints/theme-blueprint.js';
export { coreExtensionData, type IconComponent, type NavItem } from './extensions/core-extension-data.js';
export {
  type Blueprint,
  type BlueprintMakeOptions,
  type BlueprintMakeWithInputsOptions,
  type DefineBlueprintOptions,
  defineBlueprint,
} from './extensions/define-blueprint.js';
export {
  type DefineExtensionOptions,
  defineExtension,
  type ExtensionAttachment,
  type ExtensionDefinition,
  type ExtensionFactoryContext,
} from './extensions/define-extension.js';
export {
  type DefineWebPluginOptions,
  defineWebPlugin,
  type WebPlugin,
} from './extensions/define-web-plugin.js';
export {
  type AnyExtensionDataRef,
  defineExtensionDataRef,
  type ExtensionDataRef,
  type ExtensionDataRefs,
  type ExtensionDataValues,
} from './extensions/extension-data-ref.js';
export {
  type AnyExtensionInput,
  defineExtensionInput,
  type ExtensionInput,
  type ExtensionInputItem,
  type ExtensionInputOptions,
  type ExtensionInputs,
  type ResolvedExtensionInputs,
} from './extensions/extension-input.js';
export { type ElementLoader, lazyElement, preloadElement } from './extensions/lazy-element.js';
export {
  type LiveFrontendState,
  liveFrontendStateSchema,
  type StateEventSource,
  type SubscribeFrontendStateOptions,
  subscribeFrontendState,
} from './live/frontend-state-client.js';
export { followLayoutPreview, isLayoutPreview, type LayoutPreviewMessage } from './live/layout-preview.js';
export { type LiveApp, type StartLiveAppOptions, startLiveApp } from './live/live-app.js';
export { type WebKernelErrorCode, webKernelErrorCodes } from './web-kernel-error-codes.js';
