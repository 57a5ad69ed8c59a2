/** Where the PostgreSQL used by tests lives; CI starts it (see .ci/run). */
export const TEST_POSTGRES_URL = process.env.ATRIUM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where the Redis used by tests lives; CI starts it (see .ci/run). */
export const TEST_REDIS_URL = process.env.ATRIUM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
