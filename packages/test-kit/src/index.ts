export { type CapturedLog, type CaptureLogger, createCaptureLogger } from './capture-logger.js';
export {
  encodeJson,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
  type HostileProbe,
  hostileProbes,
  RawJson,
} from './hostile-input.js';
export { mockServices } from './mock-services.js';
export { startTestBackend, type TestBackend, type TestBackendOptions } from './start-test-backend.js';
export {
  createTestDatabase,
  TEST_POSTGRES_URL,
  type TestDatabase,
  type TestDatabaseKind,
  type TestDatabaseVariant,
  testDatabaseKinds,
  testDatabaseVariants,
} from './test-databases.js';
