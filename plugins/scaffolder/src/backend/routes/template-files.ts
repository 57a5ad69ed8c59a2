import { basename } from 'node:path';
import { InputError, NotFoundError } from '@atrium/errors';
import type { Credentials, RouteHandler } from '@atrium/kernel';
import { type scaffolderApi, scaffolderPermissions } from '../../common/index.js';
import { createTemplateSource, type SourceFile, type TemplateSource } from '../files/template-source.js';
import { type TemplateDocument, templateBaseUrl, templateProblems } from '../validation/template-spec.js';
import type { ScaffolderContext } from './scaffolder-context.js';

type Handler = RouteHandler<typeof scaffolderApi.routes.getTemplateFiles>;
type Params = Parameters<Handler>[0]['params'];
type Unread = { stepId: string; url: string; reason: string };

// The answer goes into a dry run's body (50 MB, base64): stay well below it.
const MAX_FILES = 2000;
const MAX_BYTES = 20 * 1024 * 1024;
const FETCH_ACTION = /^fetch:(plain|template)(:file)?$/;

async function readableTemplate(ctx: ScaffolderContext, params: Params, credentials: Credentials) {
  const { namespace, kind, name } = params;
  const shown = `${kind}:${namespace}/${name}`;
  const entity = await ctx.catalog.getEntityByRef({ kind, namespace, name }, credentials);
  if (!entity)
    throw new NotFoundError(`template '${shown}' was not found in the catalog, or you may not read it`);
  const problems = templateProblems(entity);
  if (problems.length > 0)
    throw new InputError(`'${shown}' is not a usable template: ${problems.map((p) => p.stack).join('; ')}`);
  const baseUrl = templateBaseUrl(entity);
  if (!baseUrl)
    throw new InputError(
      `template '${shown}' has no location (annotation backstage.io/managed-by-location), so it has no files beside it`,
    );
  return { template: entity as TemplateDocument, baseUrl };
}

// Where a resolved URL lies below the template's folder ('' for the folder itself).
function pathInFolder(url: string, folder: string): string | undefined {
  if (`${url}/` === folder) return '';
  if (!url.startsWith(folder)) return undefined;
  return decodeURIComponent(url.slice(folder.length)).replace(/\/+$/, '');
}

interface StepRead {
  source: TemplateSource;
  baseUrl: string;
  folder: string;
  found: Map<string, SourceFile>;
}

// Reads what one fetch step would read into `found`; answers why not when it cannot.
async function readStep(read: StepRead, action: string, stepId: string, url: string) {
  if (url.includes('${{')) return 'the URL depends on the form values; add its files by hand';
  const { source, baseUrl, folder, found } = read;
  const resolved = source.resolveUrl(url, baseUrl, `steps.${stepId}.input.url`);
  const at = pathInFolder(resolved, folder);
  if (at === undefined)
    return "it lies outside the template's folder, and a dry run reads only the files beside the template";
  if (action.endsWith(':file')) {
    const content = await source.readFile(resolved);
    found.set(at, { path: at, executable: false, content: async () => content });
    return undefined;
  }
  const templateFile = basename(new URL(baseUrl).pathname);
  for (const file of await source.readTree(resolved)) {
    const path = at ? `${at}/${file.path}` : file.path;
    if (path !== templateFile) found.set(path, { ...file, path });
  }
  return undefined;
}

/**
 * `GET /v2/templates/:namespace/:kind/:name/files`: what the template's `fetch:*` steps
 * would read from beside it, for the editor's dry run. URLs resolve against the template
 * file by the kernel's target rule and are read through the URL reader, exactly as a task
 * reads them; steps hidden from the caller (`backstage:permissions`) are left out.
 */
export function createTemplateFilesHandler(ctx: ScaffolderContext): Handler {
  return async ({ params, credentials }) => {
    const what = "reading a template's files";
    await ctx.authorizer.require(credentials, scaffolderPermissions.templateManagement, what);
    const { template, baseUrl } = await readableTemplate(ctx, params, credentials);
    const steps = await ctx.authorizer.filterTagged(
      credentials,
      scaffolderPermissions.templateStepRead,
      template.spec.steps,
    );
    const read: StepRead = {
      source: createTemplateSource({ urlReader: ctx.urlReader }),
      baseUrl,
      folder: new URL('./', baseUrl).href,
      found: new Map(),
    };
    const unread: Unread[] = [];
    for (const [index, step] of steps.entries()) {
      const stepId = typeof step.id === 'string' ? step.id : `step-${index + 1}`;
      const url = (step.input as { url?: unknown } | undefined)?.url;
      if (typeof step.action !== 'string' || !FETCH_ACTION.test(step.action) || typeof url !== 'string')
        continue;
      const reason = await readStep(read, step.action, stepId, url).catch((error: Error) => error.message);
      if (reason) unread.push({ stepId, url, reason });
    }
    return { files: await encodeFiles([...read.found.values()]), unread };
  };
}

async function encodeFiles(files: SourceFile[]) {
  if (files.length > MAX_FILES)
    throw new InputError(
      `the template's fetch steps read ${files.length} files; the editor loads at most ${MAX_FILES}`,
    );
  let bytes = 0;
  const out = [];
  for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const content = await file.content();
    bytes += content.length;
    if (bytes > MAX_BYTES)
      throw new InputError(
        `the template's fetch steps read more than ${MAX_BYTES / 1024 / 1024} MB; the editor loads at most that`,
      );
    out.push({ path: file.path, base64Content: content.toString('base64'), executable: file.executable });
  }
  return out;
}
