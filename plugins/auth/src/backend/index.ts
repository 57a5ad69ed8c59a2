export type {
  AuthProvider,
  AuthProviderContext,
  AuthProviderRequest,
  SignInIdentity,
} from './auth-provider.js';
export { authPlugin, authPlugin as default, authProvidersPoint } from './plugin.js';
