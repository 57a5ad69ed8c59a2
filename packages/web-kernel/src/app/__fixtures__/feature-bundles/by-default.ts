import { defineWebPlugin } from '../../../extensions/define-web-plugin.js';

export default defineWebPlugin({ id: 'radar', extensions: [] });
/** Not loaded: the default export names what to load. */
export const other = defineWebPlugin({ id: 'ignored', extensions: [] });
