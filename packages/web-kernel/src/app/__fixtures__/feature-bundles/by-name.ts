import { defineWebPlugin } from '../../../extensions/define-web-plugin.js';

export const alpha = defineWebPlugin({ id: 'alpha', extensions: [] });
export const beta = defineWebPlugin({ id: 'beta', extensions: [] });
export const notAPlugin = { id: 'gamma', extensions: [] };
