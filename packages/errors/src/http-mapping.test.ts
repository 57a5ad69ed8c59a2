import { NotFoundError as BackstageNotFoundError } from '@backstage/errors';
import { describe, expect, it, vi } from 'vitest';
import { AtriumError, isAtriumError } from './atrium-error.js';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  PayloadTooLargeError,
  ServiceUnavailableError,
} from './domain-errors.js';
import { serializeError, statusForError } from './http-mapping.js';

describe('statusForError', () => {
  it('maps each domain error class to its status', () => {
    const cases: Array<[Error, number]> = [
      [new InputError('bad'), 400],
      [new AuthenticationError('who'), 401],
      [new NotAllowedError('no'), 403],
      [new NotFoundError('gone'), 404],
      [new ConflictError('twice'), 409],
      [new PayloadTooLargeError('big'), 413],
      [new NotModifiedError('same'), 304],
      [new NotImplementedError('later'), 501],
      [new ServiceUnavailableError('down'), 503],
    ];
    for (const [error, status] of cases)
      expect([error.name, statusForError(error)]).toEqual([error.name, status]);
  });

  it('keeps the class status when a domain error carries a finer code, also in subclasses', () => {
    class TemplateError extends InputError {}
    const error = new TemplateError('bad expression', { code: 'TEMPLATING_SYNTAX' });
    expect(error.code).toBe('TEMPLATING_SYNTAX');
    expect(statusForError(error)).toBe(400);
  });

  it('maps an AtriumError that has only a common code by that code', () => {
    expect(statusForError(new AtriumError('NOT_FOUND', 'gone'))).toBe(404);
    expect(statusForError(new AtriumError('INPUT_INVALID', 'bad'))).toBe(400);
    expect(statusForError(new AtriumError('KERNEL_MISSING_SERVICE', 'x'))).toBe(500);
    expect(statusForError(new AtriumError('constructor', 'x'))).toBe(500);
  });

  it('never maps by name: foreign errors named like domain errors are 500', () => {
    const renamed = Object.assign(new Error('secret'), {
      name: 'NotFoundError',
      code: 'NOT_FOUND',
      details: {},
    });
    expect(statusForError(renamed)).toBe(500);
    expect(statusForError(new BackstageNotFoundError('from a library'))).toBe(500);
    expect(statusForError(new Error('boom'))).toBe(500);
    expect(statusForError('a string')).toBe(500);
    expect(isAtriumError(renamed)).toBe(false);
  });

  it('recognises errors from another copy of @atrium/errors', async () => {
    vi.resetModules();
    const copy = await import('./domain-errors.js');
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const error = new copy.NotFoundError('gone');
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(isAtriumError(error)).toBe(true);
    expect(statusForError(error)).toBe(404);
    expect(statusForError(new copy.InputError('bad'))).toBe(400);
  });
});

describe('serializeError', () => {
  it('keeps the name, message and code of a known error', () => {
    const body = serializeError(new NotFoundError("entity 'component:default/x' not found"), {
      request: { method: 'GET', url: '/entities/by-name/component/default/x' },
    });
    expect(body).toEqual({
      error: { name: 'NotFoundError', message: "entity 'component:default/x' not found", code: 'NOT_FOUND' },
      request: { method: 'GET', url: '/entities/by-name/component/default/x' },
      response: { statusCode: 404 },
    });
  });

  it("keeps a known error's details, so a client can act on the rule without parsing the message", () => {
    const error = new NotAllowedError("reading 'https://x.example/a.yaml' is not allowed", {
      details: { rule: 'host-not-allowed', host: 'x.example' },
    });
    expect(serializeError(error).error.details).toEqual({ rule: 'host-not-allowed', host: 'x.example' });
    expect(serializeError(new NotFoundError('gone')).error).not.toHaveProperty('details');
    const internal = new AtriumError('KERNEL_MISSING_SERVICE', 'x', {
      details: { serviceId: 'core.secret' },
    });
    expect(serializeError(internal).error).not.toHaveProperty('details');
  });

  it('never leaks the message of an unknown error', () => {
    const body = serializeError(new Error('password=hunter2 in SELECT'));
    expect(body.error).toEqual({ name: 'Error', message: 'Internal server error' });
    expect(body.response.statusCode).toBe(500);
  });

  it('answers a foreign NotFoundError with a 500 that hides its message', () => {
    const body = serializeError(new BackstageNotFoundError('row 7 of table secrets'));
    expect(body).toEqual({
      error: { name: 'Error', message: 'Internal server error' },
      response: { statusCode: 500 },
    });
  });

  it('keeps the cause only when it is itself a safe, known error', () => {
    const safe = serializeError(new InputError('outer', { cause: new NotFoundError('inner') }));
    expect(safe.error.cause).toEqual({ name: 'NotFoundError', message: 'inner' });
    const unsafe = serializeError(new InputError('outer', { cause: new Error('db internals') }));
    expect(unsafe.error.cause).toBeUndefined();
    const foreign = serializeError(
      new InputError('outer', { cause: new BackstageNotFoundError('internals') }),
    );
    expect(foreign.error.cause).toBeUndefined();
  });

  it('gives AtriumError subclasses a stable code', () => {
    const error = new AtriumError('KERNEL_MISSING_SERVICE', 'x');
    expect(error.code).toBe('KERNEL_MISSING_SERVICE');
    expect(String(error)).toBe('AtriumError [KERNEL_MISSING_SERVICE]: x');
    expect(new InputError('x').name).toBe('InputError');
    expect(new InputError('x').code).toBe('INPUT_INVALID');
    expect(new InputError('x')).toBeInstanceOf(AtriumError);
  });
});
