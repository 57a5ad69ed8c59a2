import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadingProject, startReadingProject, write } from '../__fixtures__/reading-project.js';

interface ErrorBody {
  error: { name: string; message: string; details?: Record<string, unknown> };
}

// What a person registering a location reads: the setting to change (also as data, for the
// register page), the target once, and no generated location names.
describe('registering a location, as the register page reports it', () => {
  let project: ReadingProject;
  const dryRun = async (type: string, target: string) => {
    const result = await project.send('POST', '/locations?dryRun=true', { type, target });
    return { status: result.status, body: JSON.parse(result.text) as ErrorBody };
  };

  beforeAll(async () => {
    project = await startReadingProject();
  });
  afterAll(() => project.stop());

  it('names catalog.allowedFileRoots in the details of a file outside it', async () => {
    const target = join(project.dir, 'elsewhere', 'catalog-info.yaml');
    const { status, body } = await dryRun('file', target);
    expect(status).toBe(400);
    expect(body.error.details).toEqual({
      rule: 'outside-file-roots',
      setting: 'catalog.allowedFileRoots',
      path: target,
      roots: [join(project.dir, 'repositories')],
    });
  });

  it('names backend.reading.allow in the details of a host not on it, and says the URL once', async () => {
    const target = 'https://github.com/acme/app/blob/main/catalog-info.yaml';
    const { status, body } = await dryRun('url', target);
    expect(status).toBe(400);
    expect(body.error.details).toEqual({
      rule: 'host-not-allowed',
      setting: 'backend.reading.allow',
      host: 'github.com',
    });
    expect(body.error.message.split(target)).toHaveLength(2);
    expect(body.error.message).toContain('backend.reading.allow');
  });

  it('names catalog.allowedLocationTypes in the details of a type not allowed', async () => {
    const { body } = await dryRun('github-org', 'https://github.com/acme');
    expect(body.error.details).toMatchObject({ setting: 'catalog.allowedLocationTypes', type: 'github-org' });
  });

  it('reports a missing file without the generated location name, saying it once', async () => {
    const target = join(project.dir, 'repositories', 'missing.git', 'blob', 'main', 'catalog-info.yaml');
    const { status, body } = await dryRun('file', target);
    expect(status).toBe(400);
    expect(body.error.message).not.toMatch(/generated-/);
    expect(body.error.message).toContain(target);
    expect(body.error.message.split(target)).toHaveLength(2);
  });

  it('names the invalid entity and its file once, although both report the error', async () => {
    const target = join(project.dir, 'repositories', 'invalid.yaml');
    write(target, 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: "bad name!" }\n');
    const { status, body } = await dryRun('file', target);
    expect(status).toBe(400);
    expect(body.error.message).not.toMatch(/generated-/);
    expect(body.error.message).toContain(`entity component:default/bad name! in file:${target} is invalid`);
    expect(body.error.message.split('is not valid')).toHaveLength(2);
  });
});
