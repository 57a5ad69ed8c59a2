export { BUILD_LIST_FILE, keepPreviousBuild } from './keep-previous-build.js';
