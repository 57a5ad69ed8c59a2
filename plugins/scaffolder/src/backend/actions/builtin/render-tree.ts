import { posix } from 'node:path';
import { InputError } from '@atrium/errors';
import { runLimited } from '@atrium/kernel';
import type { RenderItem, Templater } from '@atrium/templating';
import { minimatch } from 'minimatch';
import type { JsonObject } from '../../../common/index.js';
import { assertRelativePath } from '../../files/safe-path.js';
import type { SourceFile } from '../../files/template-source.js';
import { createWorkspaceWriter, isBinary } from '../../files/write-files.js';

/** How a skeleton is rendered (fetch:template's options). */
export interface TreeRenderOptions {
  values: JsonObject;
  cookiecutterCompat?: boolean;
  copyWithoutRender?: string[];
  copyWithoutTemplating?: string[];
  /** Only files with this extension are rendered, and it is stripped. */
  extension?: string;
  replace: boolean;
}

interface PlannedFile {
  file: SourceFile;
  content: Buffer;
  renderPath: boolean;
  renderContent: boolean;
}

function matcher(patterns: string[] | undefined): (path: string) => boolean {
  const globs = (patterns ?? []).map((p) => p.replace(/^\.\//, ''));
  if (globs.length === 0) return () => false;
  // A pattern naming a directory covers the files below it.
  return (path) => {
    const parts = path.split('/');
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    return candidates.some((candidate) => globs.some((glob) => minimatch(candidate, glob, { dot: true })));
  };
}

async function plan(files: SourceFile[], options: TreeRenderOptions): Promise<PlannedFile[]> {
  const withoutRender = matcher(options.copyWithoutRender);
  const withoutTemplating = matcher(options.copyWithoutTemplating);
  return runLimited(files, 64, async (file) => {
    assertRelativePath(file.path, `template file`);
    const content = await file.content();
    const raw = withoutRender(file.path);
    const contentRaw = options.extension
      ? !file.path.endsWith(options.extension)
      : raw || withoutTemplating(file.path);
    return { file, content, renderPath: !raw, renderContent: !contentRaw && !isBinary(content) };
  });
}

/** The output path of a rendered file name, or `undefined` to leave the file out. */
function outputPath(rendered: string, options: TreeRenderOptions, field: string): string | undefined {
  let path =
    options.extension && rendered.endsWith(options.extension)
      ? rendered.slice(0, -options.extension.length)
      : rendered;
  path = path.replace(/\\/g, '/');
  // A path or file name that renders to nothing means "do not create it" (conditional files).
  if (path.trim() === '' || /\/\s*$/.test(path)) return undefined;
  assertRelativePath(path, field);
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .join('/');
}

/**
 * Renders a skeleton into `targetDir` (workspace-relative): file names, directory names
 * and contents go to the sandbox in one `renderMany` batch, then files are written with
 * bounded concurrency. Answers how many files were written.
 */
export async function renderTree(
  templater: Templater,
  files: SourceFile[],
  workspace: string,
  targetDir: string,
  options: TreeRenderOptions,
): Promise<number> {
  const planned = await plan(files, options);
  const items: RenderItem[] = [];
  for (const entry of planned) {
    if (entry.renderPath) items.push({ template: entry.file.path, name: `file name '${entry.file.path}'` });
    if (entry.renderContent) items.push({ template: entry.content.toString('utf8'), name: entry.file.path });
  }
  const context = { [options.cookiecutterCompat ? 'cookiecutter' : 'values']: options.values };
  let rendered: string[];
  try {
    rendered = await templater.renderMany(items, context);
  } catch (error) {
    throw new InputError(`the skeleton could not be rendered: ${(error as Error).message}`, { cause: error });
  }
  let cursor = 0;
  const writes = planned.map((entry) => {
    const name = entry.renderPath ? rendered[cursor++]! : entry.file.path;
    const content = entry.renderContent ? rendered[cursor++]! : entry.content;
    const path = outputPath(name, options, `rendered file name '${name}' (from '${entry.file.path}')`);
    return { entry, path, content };
  });
  const write = createWorkspaceWriter(workspace);
  const written = await runLimited(writes, 32, async ({ entry, path, content }) => {
    if (path === undefined) return false;
    return write(posix.join(targetDir, path), content, {
      overwrite: options.replace,
      executable: entry.file.executable,
      field: `file '${path}'`,
    });
  });
  return written.filter(Boolean).length;
}
