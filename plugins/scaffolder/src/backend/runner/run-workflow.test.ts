// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${{ }}` in plain strings is template syntax, not JavaScript.
import type { JsonObject } from '@atrium/kernel';
import { afterAll, describe, expect, it } from 'vitest';
import { createProbeAction, createRunHarness } from '../__fixtures__/run-harness.js';
import { RunAbortedError } from './run-types.js';

const calls: Array<{ input: JsonObject; taskId: string }> = [];
const harness = createRunHarness({ actions: [createProbeAction(calls)] });
afterAll(() => harness.close());

const probe = (id: string, input: JsonObject, extra: JsonObject = {}) => ({
  id,
  action: 'test:probe',
  input,
  ...extra,
});
const statusOf = (log: Array<{ stepId?: string; status?: string }>, stepId: string) =>
  log.filter((l) => l.stepId === stepId && l.status).map((l) => l.status);

describe('the workflow runner', () => {
  it('passes outputs between steps and renders the template output', async () => {
    const { result, log } = await harness.run({
      parameters: { name: 'svc', count: 3 },
      steps: [
        probe('a', { out: '${{ parameters.count }}' }),
        probe('b', { out: 'got ${{ steps.a.output.value }}' }),
      ],
      output: {
        value: '${{ steps.b.output.value }}',
        links: [{ title: 'x', url: 'http://x/${{ parameters.name }}' }],
      },
    });
    expect(result).toEqual({
      status: 'completed',
      output: { value: 'got 3', links: [{ title: 'x', url: 'http://x/svc' }] },
    });
    expect(log[0]?.message).toBe('Starting up task with 2 steps');
    expect(statusOf(log, 'a')).toEqual(['processing', 'completed']);
    expect(log.find((l) => l.stepId === 'a')?.message).toBe('Beginning step test:probe');
  });

  it('skips steps whose if is falsy, with Backstage truthiness', async () => {
    const { log } = await harness.run({
      parameters: { empty: [], yes: true },
      steps: [
        probe('literal', {}, { if: false }),
        probe('expr', {}, { if: '${{ parameters.yes == false }}' }),
        probe('empty', {}, { if: '${{ parameters.empty }}' }),
        probe('text', {}, { if: 'false' }),
        probe('truthy', {}, { if: '${{ parameters.yes }}' }),
      ],
    });
    for (const id of ['literal', 'expr', 'empty'])
      expect(statusOf(log, id)).toEqual(['processing', 'skipped']);
    // Plain text without an expression is a non-empty string: truthy.
    expect(statusOf(log, 'text')).toEqual(['processing', 'completed']);
    expect(statusOf(log, 'truthy')).toEqual(['processing', 'completed']);
  });

  it('runs each over arrays and objects, with per-item if, collecting outputs as lists', async () => {
    const { result, log } = await harness.run({
      parameters: { items: ['a', 'b', 'c'], map: { x: 1, y: 2 } },
      steps: [
        probe(
          'list',
          { out: '${{ each.value }}-${{ each.key }}' },
          { each: '${{ parameters.items }}', if: "${{ each.value != 'b' }}" },
        ),
        probe('map', { out: '${{ each.key }}=${{ each.value }}' }, { each: '${{ parameters.map }}' }),
      ],
      output: { list: '${{ steps.list.output.value }}', map: '${{ steps.map.output.value }}' },
    });
    expect(result).toEqual({ status: 'completed', output: { list: ['a-0', 'c-2'], map: ['x=1', 'y=2'] } });
    expect(log.map((l) => l.message)).toContain('Skipping step each: {"key":"1","value":"b"}');
  });

  it('fails an each that does not resolve to a list or object, naming the step', async () => {
    const { result } = await harness.run({ steps: [probe('bad', {}, { each: '${{ 42 }}' })] });
    expect(result).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining("Step 'bad'") },
    });
    expect(result.status === 'failed' && result.error.message).toMatch(
      /each must resolve to an array or an object/,
    );
  });

  it('after a failure skips later steps unless their if calls always() or failure()', async () => {
    const { result, log } = await harness.run({
      steps: [
        probe('ok', {}),
        probe('boom', { fail: 'kaput' }),
        probe('next', {}),
        probe('cleanup', {}, { if: '${{ always() }}' }),
        probe('onFailure', { out: 'handled' }, { if: '${{ failure() }}' }),
      ],
    });
    expect(result).toEqual({
      status: 'failed',
      error: { name: 'StepFailedError', message: "Step 'boom' (test:probe) failed: kaput" },
    });
    expect(statusOf(log, 'boom')).toEqual(['processing', 'failed']);
    expect(statusOf(log, 'next')).toEqual(['skipped']);
    expect(statusOf(log, 'cleanup')).toEqual(['processing', 'completed']);
    expect(statusOf(log, 'onFailure')).toEqual(['processing', 'completed']);
  });

  it('does not run failure() steps when nothing failed', async () => {
    const { result, log } = await harness.run({
      steps: [probe('a', {}), probe('f', {}, { if: '${{ failure() }}' })],
    });
    expect(result.status).toBe('completed');
    expect(statusOf(log, 'f')).toEqual(['processing', 'skipped']);
  });

  it('checks every step before the first runs: unknown action, bad static input, syntax error', async () => {
    calls.length = 0;
    const { result, log } = await harness.run({
      steps: [
        probe('first', {}),
        { id: 'unknown', action: 'acme:nope' },
        { id: 'wait', action: 'debug:wait', input: { seconds: 'ten' } },
        { id: 'fetch', action: 'fetch:plain', input: { targetPath: 'x' } },
        probe('syntax', { out: '${{ parameters.name | }}' }),
      ],
    });
    expect(calls).toEqual([]);
    expect(log.some((l) => l.status === 'processing')).toBe(false);
    const failures = Object.fromEntries(
      log.filter((l) => l.status === 'failed').map((l) => [l.stepId, l.message]),
    );
    expect(failures.unknown).toMatch(
      /^Step 'unknown' \(acme:nope\) failed: action 'acme:nope' is not installed/,
    );
    expect(failures.wait).toMatch(/input\.seconds must be number \(action 'debug:wait'\)/);
    expect(failures.fetch).toMatch(/input\.url is required/);
    expect(failures.syntax).toMatch(/input\.out has an invalid expression/);
    expect(failures.first).toBeUndefined();
    expect(result).toMatchObject({
      status: 'failed',
      error: { message: expect.stringMatching(/^4 steps are invalid/) },
    });
  });

  it('fails a step whose rendered input fails the schema, naming the field', async () => {
    const { result } = await harness.run({
      parameters: { n: 'many' },
      steps: [{ id: 'wait', action: 'debug:wait', input: { milliseconds: '${{ parameters.n }}' } }],
    });
    expect(result).toMatchObject({ status: 'failed' });
    expect(result.status === 'failed' && result.error.message).toBe(
      "Step 'wait' (debug:wait) failed: the input of action 'debug:wait' is invalid: input.milliseconds must be number",
    );
  });

  it('fails on an expression error with the step, the field and the reason', async () => {
    const { result } = await harness.run({
      parameters: { repo: 'no-host-here?' },
      steps: [probe('parse', { out: { nested: '${{ parameters.repo | parseRepoUrl }}' } })],
    });
    const message = result.status === 'failed' ? result.error.message : '';
    expect(message).toMatch(/^Step 'parse' \(test:probe\) failed: template 'input\.out\.nested'/);
    expect(message).toMatch(/parseRepoUrl|repo/);
  });

  it('runs template expressions only in the sandbox: escapes fail the step, the server is untouched', async () => {
    const attempts = [
      '${{ "".constructor.constructor("return process")().exit(1) }}',
      '${{ parameters.__proto__.polluted }}',
      '{% for i in range(0, 100000000) %}x{% endfor %}',
      '${{ cycler.constructor("return require")()("fs") }}',
    ];
    for (const attempt of attempts) {
      const { result } = await harness.run({
        parameters: {},
        steps: [probe('escape', { out: attempt })],
        output: { out: '${{ steps.escape.output.value }}' },
      });
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/\[object process\]|function require/);
      if (result.status === 'failed')
        expect(result.error.message).toMatch(/^Step 'escape' \(test:probe\) failed: /);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an action the permission policy denies', async () => {
    const { result } = await harness.run({ steps: [probe('p', {})] }, { allow: () => false });
    expect(result.status === 'failed' && result.error.message).toMatch(
      /not allowed \(permission scaffolder\.action\.execute\)/,
    );
  });

  it('redacts secrets and values derived from them in logs and output', async () => {
    const { result, messages } = await harness.run(
      {
        steps: [
          { id: 'log', action: 'debug:log', input: { message: 'token is ${{ secrets.token }}' } },
          { id: 'derived', action: 'debug:log', input: { message: '${{ secrets.token | upper }}' } },
          probe('fail', { fail: 'bad ${{ secrets.token }}' }),
        ],
        output: { leaked: 'x' },
      },
      { secrets: { token: 's3cr3t-value' } },
    );
    const all = JSON.stringify({ result, messages });
    expect(all).not.toContain('s3cr3t-value');
    expect(all).not.toContain('S3CR3T-VALUE');
    // A whole input string built from a secret is secret too: the line is masked entirely.
    expect(messages).toContain('***');
    expect(result.status === 'failed' && result.error.message).toBe("Step 'fail' (test:probe) failed: ***");
  });

  it('stops at an abort: the running step logs cancelled and the run ends cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new RunAbortedError('cancelled', 'cancelled')), 150);
    const { result, log } = await harness.run(
      { steps: [{ id: 'wait', action: 'debug:wait', input: { seconds: 30 } }, probe('after', {})] },
      { signal: controller.signal },
    );
    expect(result).toEqual({ status: 'cancelled' });
    expect(statusOf(log, 'wait')).toEqual(['processing', 'cancelled']);
    expect(statusOf(log, 'after')).toEqual([]);
  });

  it('skips actions without dry-run support during a dry run, with example outputs', async () => {
    const { result, log } = await harness.run(
      {
        steps: [
          { id: 'publish', action: 'publish:git', input: { remoteUrl: 'file:///srv/git/x.git' } },
          probe('use', { out: '${{ steps.publish.output.commitHash }}' }),
        ],
        output: { hash: '${{ steps.use.output.value }}' },
      },
      { isDryRun: true },
    );
    expect(log.find((l) => l.stepId === 'publish' && l.status === 'skipped')?.message).toBe(
      'Skipping because publish:git does not support dry-run',
    );
    expect(result).toEqual({ status: 'completed', output: { hash: 'example' } });
  });

  it('keeps checkpoint results, so a retried run reuses them', async () => {
    let runs = 0;
    const checkpointed = createRunHarness({
      actions: [
        {
          id: 'test:checkpoint',
          async handler(ctx) {
            const value = await ctx.checkpoint({ key: 'once', fn: async () => ++runs });
            ctx.output('value', value);
          },
        },
      ],
    });
    const entries = new Map();
    const checkpoints = {
      get: (k: string) => entries.get(k),
      set: async (k: string, v: unknown) => void entries.set(k, v),
    };
    const spec = {
      steps: [{ id: 'c', action: 'test:checkpoint' }],
      output: { value: '${{ steps.c.output.value }}' },
    };
    expect((await checkpointed.run(spec, { checkpoints })).result).toEqual({
      status: 'completed',
      output: { value: 1 },
    });
    expect((await checkpointed.run(spec, { checkpoints })).result).toEqual({
      status: 'completed',
      output: { value: 1 },
    });
    expect(runs).toBe(1);
    await checkpointed.close();
  });
});
