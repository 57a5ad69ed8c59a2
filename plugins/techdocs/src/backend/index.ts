export { techdocsPlugin, techdocsPlugin as default } from './plugin.js';
