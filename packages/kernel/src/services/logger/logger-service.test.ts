import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRootLogger } from './logger-service.js';

function sink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('root logger', () => {
  it('writes JSON lines, labels plugin children and redacts credentials', async () => {
    const { lines, stream } = sink();
    const logger = await createRootLogger({ format: 'json', destination: stream, level: 'debug' });
    const catalog = logger.child({ plugin: 'catalog' });
    catalog.info('processed', { count: 3, token: 'abc.def.ghi', headers: { authorization: 'Bearer abc' } });
    catalog.debug('detail');
    catalog.error('failed', new Error('boom'));
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'processed',
      plugin: 'catalog',
      count: 3,
      token: '[redacted]',
      headers: { authorization: '[redacted]' },
    });
    expect(lines[1]).toMatchObject({ level: 20, msg: 'detail' });
    expect(lines[2]).toMatchObject({ level: 50, msg: 'failed', err: { message: 'boom' } });
    expect(JSON.stringify(lines)).not.toContain('abc.def.ghi');
  });

  it('drops lines below the level', async () => {
    const { lines, stream } = sink();
    const logger = await createRootLogger({ format: 'json', destination: stream, level: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });
});
