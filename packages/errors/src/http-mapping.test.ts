import { describe, expect, it } from 'vitest';
import { AtriumError } from './atrium-error.js';
import { ConflictError, InputError, NotFoundError } from './domain-errors.js';
import { serializeError, statusForError } from './http-mapping.js';

describe('statusForError', () => {
  it('maps domain errors to their status and anything else to 500', () => {
    expect(statusForError(new InputError('bad'))).toBe(400);
    expect(statusForError(new NotFoundError('gone'))).toBe(404);
    expect(statusForError(new ConflictError('twice'))).toBe(409);
    expect(statusForError(new Error('boom'))).toBe(500);
    expect(statusForError('a string')).toBe(500);
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

  it('never leaks the message of an unknown error', () => {
    const body = serializeError(new Error('password=hunter2 in SELECT'));
    expect(body.error).toEqual({ name: 'Error', message: 'Internal server error' });
    expect(body.response.statusCode).toBe(500);
  });

  it('keeps the cause only when it is itself a safe, known error', () => {
    const safe = serializeError(new InputError('outer', { cause: new NotFoundError('inner') }));
    expect(safe.error.cause).toEqual({ name: 'NotFoundError', message: 'inner' });
    const unsafe = serializeError(new InputError('outer', { cause: new Error('db internals') }));
    expect(unsafe.error.cause).toBeUndefined();
  });

  it('gives AtriumError subclasses a stable code', () => {
    const error = new AtriumError('KERNEL_MISSING_SERVICE', 'x');
    expect(error.code).toBe('KERNEL_MISSING_SERVICE');
    expect(String(error)).toBe('AtriumError [KERNEL_MISSING_SERVICE]: x');
    expect(new InputError('x').name).toBe('InputError');
    expect(new InputError('x')).toBeInstanceOf(AtriumError);
  });
});
