export { freePort } from '@atrium/test-kit';
