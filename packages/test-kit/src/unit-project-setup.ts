// Setup file of the `unit` vitest project (see vitest.config.ts): no PostgreSQL, no Redis.
import { forbidExternalServices } from './forbid-external-services.js';

forbidExternalServices();
