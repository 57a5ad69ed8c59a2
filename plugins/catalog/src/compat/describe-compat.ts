import { testDatabaseKinds } from '@atrium/test-kit';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type CompatBackend, startCompatBackend } from './compat-backend.js';

/**
 * Declares a compatibility suite once per database kind, each with its own backend (so
 * suites that register or delete things never see each other's changes). The body gets a
 * getter because the backend only exists once `beforeAll` has run.
 *
 * @example
 * describeCompat('getEntityByRef', (compat) => {
 *   it('finds an entity', async () => expect(await compat().client.getEntityByRef('user:alice')).toBeDefined());
 * });
 */
export function describeCompat(title: string, body: (compat: () => CompatBackend) => void): void {
  describe.each(testDatabaseKinds())(`${title} (%s)`, (kind) => {
    let started: CompatBackend | undefined;
    beforeAll(async () => {
      started = await startCompatBackend(kind);
    }, 90_000);
    afterAll(async () => {
      await started?.stop();
    });
    body(() => {
      if (!started) throw new Error(`the ${kind} compat backend did not start; see the beforeAll error`);
      return started;
    });
  });
}

/** The HTTP status and server-side error name of a failed client call. */
export interface FailedCall {
  status: number | undefined;
  name: string | undefined;
  message: string;
}

/**
 * Awaits a client call that must fail and asserts the status and the error name the
 * server sent (the client wraps it in a ResponseError whose `cause` is the server error).
 *
 * @example
 * await expectFailure(client.refreshEntity('component:default/nope'), 404, 'NotFoundError');
 */
export async function expectFailure(
  call: Promise<unknown>,
  status: number,
  name: string,
): Promise<FailedCall> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected the call to fail with ${status} ${name}`).toBeInstanceOf(Error);
  const failed = error as {
    statusCode?: number;
    cause?: { name?: string; message?: string };
    message: string;
  };
  const seen = {
    status: failed.statusCode,
    name: failed.cause?.name,
    message: failed.cause?.message ?? failed.message,
  };
  expect({ status: seen.status, name: seen.name }, seen.message).toEqual({ status, name });
  return seen;
}
