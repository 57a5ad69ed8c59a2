export { authApi, backstageIdentitySchema, type SignInResponse, signInResponseSchema } from './auth-api.js';
