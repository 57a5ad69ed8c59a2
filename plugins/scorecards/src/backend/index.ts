export { scorecardsPlugin, scorecardsPlugin as default } from './plugin.js';
