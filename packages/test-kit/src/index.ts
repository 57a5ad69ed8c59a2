export { type CapturedLog, type CaptureLogger, createCaptureLogger } from './capture-logger.js';
export { freePort } from './free-port.js';
export { createBareRepository, type RepositoryCommit } from './git-repository.js';
export {
  encodeJson,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
  type HostileProbe,
  hostileProbes,
  RawJson,
} from './hostile-input.js';
export { mockServices } from './mock-services.js';
export { createRedirectClient, type RedirectClient, type RedirectHop } from './oidc/redirect-client.js';
export {
  type SignInSetup,
  startSignInSetup,
  testPeople,
  writeTestOrg,
  xhr,
} from './oidc/start-sign-in-setup.js';
export {
  startTestOidcProvider,
  type TestOidcAccount,
  type TestOidcProvider,
} from './oidc/start-test-oidc-provider.js';
export { startPluginDatabase, type TestPluginDatabase } from './plugin-database.js';
export {
  type JsonAnswer,
  startTestBackend,
  type TestBackend,
  type TestBackendOptions,
} from './start-test-backend.js';
export {
  createTestDatabase,
  TEST_POSTGRES_URL,
  type TestDatabase,
  type TestDatabaseKind,
  type TestDatabaseVariant,
  testDatabaseKinds,
  testDatabaseVariants,
} from './test-databases.js';
