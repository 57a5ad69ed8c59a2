import { defineWebPlugin } from '../../../extensions/define-web-plugin.js';

export default [
  defineWebPlugin({ id: 'one', extensions: [] }),
  defineWebPlugin({ id: 'two', extensions: [] }),
];
