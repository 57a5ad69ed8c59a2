export {
  type ApiImplementation,
  type RenderExtensionOptions,
  type RenderedExtension,
  renderExtension,
} from './render-extension.js';
