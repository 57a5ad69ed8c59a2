export { median, percentile, summarize } from './stats.js';
