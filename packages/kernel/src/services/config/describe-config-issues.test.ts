import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { backendConfigSchema } from '../http/http-config.js';
import { durationSchema } from './duration-schema.js';
import { validateConfigSubtree } from './validate-config.js';

const problemsOf = (schema: z.ZodType, data: Record<string, never> | object, key: string) => {
  const result = validateConfigSubtree(schema, data as never, key, 'the kernel');
  return result.ok ? [] : result.problems;
};

describe('config problems', () => {
  it('name the leaf key, the expected type and the value found', () => {
    expect(problemsOf(backendConfigSchema, { backend: { listen: { port: 'abc' } } }, 'backend')).toEqual([
      `config 'backend.listen.port' (the kernel): expected a number, got "abc"`,
    ]);
    expect(problemsOf(backendConfigSchema, { backend: { features: ['a', 5] } }, 'backend')).toEqual([
      "config 'backend.features[1]' (the kernel): expected a string, got 5",
    ]);
    expect(problemsOf(backendConfigSchema, { backend: { http: { bodyLimit: true } } }, 'backend')).toEqual([
      "config 'backend.http.bodyLimit' (the kernel): expected a number, got true",
    ]);
  });

  it('refuse a duration that durationToMs would refuse, as start does', () => {
    const schema = z.object({ taskTimeout: durationSchema, other: durationSchema.optional() });
    expect(problemsOf(schema, { s: { taskTimeout: 'forever', other: 5 } }, 's')).toEqual([
      `config 's.taskTimeout' (the kernel): expected an ISO 8601 duration such as 'PT5M' or 'P1D', or units such as { minutes: 5 }, got "forever"`,
      "config 's.other' (the kernel): expected a string or an object, got 5",
    ]);
    expect(problemsOf(schema, { s: { taskTimeout: { fortnights: 2 } } }, 's')).toEqual([
      "config 's.taskTimeout' (the kernel): unknown duration unit 'fortnights'; use one of milliseconds, seconds, minutes, hours, days, weeks, got an object",
    ]);
    expect(problemsOf(schema, { s: { taskTimeout: 'PT2M' } }, 's')).toEqual([]);
  });

  it('say a required key is missing, and describe a secret by its type only', () => {
    const schema = z.object({
      url: z.string(),
      secrets: z.record(z.string(), z.string()).meta({ visibility: 'secret' }),
      nested: z.object({ password: z.string().min(12).meta({ visibility: 'secret' }) }).optional(),
    });
    const problems = problemsOf(schema, { s: { secrets: { a: 42 }, nested: { password: 'short' } } }, 's');
    expect(problems).toEqual([
      "config 's.url' (the kernel): expected a string, but it is missing",
      "config 's.secrets.a' (the kernel): expected a string, got a number (not shown: the value is secret)",
      "config 's.nested.password' (the kernel): expected at least 12 characters, got a string (not shown: the value is secret)",
    ]);
  });
});
