import { createHash } from 'node:crypto';
import { InputError } from '@atrium/errors';
import { type NavEntry, staticPageFile } from '../../common/index.js';
import { renderPage } from '../render/render-page.js';
import { pagePathOf } from '../render/rewrite-tree.js';
import type { SiteStore } from '../store/site-store.js';
import { assetContentType } from './asset-types.js';
import { buildNav } from './build-nav.js';
import { editUrlOf } from './edit-url.js';
import { type MkDocsConfig, parseMkDocsConfig } from './parse-mkdocs-config.js';
import { publishAssets } from './publish-assets.js';

// Part of every page's hash: a change to the renderer rebuilds every page once.
const RENDERER_VERSION = 'techdocs-render-1';

/** One file of the docs source (mkdocs.yml and the docs folder). */
export interface SourceFile {
  path: string;
  content(): Promise<Buffer>;
}

/** What one build needs. */
export interface BuildInput {
  siteId: string;
  /** The title to use when mkdocs.yml has no site_name. */
  fallbackName: string;
  files: SourceFile[];
  readerBase: string;
  staticBase: string;
  /** `?version=...` for a version other than the default, on every rewritten link. */
  versionQuery?: string;
  maxAssetBytes: number;
  log(line: string): void;
  signal?: AbortSignal;
}

/** What a build produced. */
export interface BuildResult {
  siteName: string;
  siteDescription: string;
  nav: NavEntry[];
  etag: string;
  updatedPages: string[];
  removedPages: string[];
  warnings: string[];
}

const sha256 = (...parts: Array<string | Buffer>) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

async function readConfig(
  files: SourceFile[],
): Promise<{ config: MkDocsConfig; warnings: string[]; text: string }> {
  const file = files.find((f) => f.path === 'mkdocs.yml' || f.path === 'mkdocs.yaml');
  if (!file)
    throw new InputError(
      'the docs source has no mkdocs.yml at its root; add one with site_name and nav next to the docs folder',
    );
  const text = (await file.content()).toString('utf8');
  return { ...parseMkDocsConfig(text), text };
}

function docsFilesOf(files: SourceFile[], docsDir: string): SourceFile[] {
  const prefix = docsDir ? `${docsDir}/` : '';
  return files
    .filter((f) => f.path.startsWith(prefix) && (docsDir || !/^mkdocs\.ya?ml$/.test(f.path)))
    .map((f) => ({ path: f.path.slice(prefix.length), content: f.content }));
}

const firstHeading = (markdown: string) => /^#[ \t]+(.+?)[ \t#]*$/m.exec(markdown)?.[1];

async function renderChanged(input: BuildInput, store: SiteStore, ctx: SiteContext): Promise<string[]> {
  const updated: string[] = [];
  for (const [sourcePath, markdown] of ctx.sources) {
    input.signal?.throwIfAborted();
    const path = staticPageFile(pagePathOf(sourcePath));
    const hash = sha256(ctx.contextHash, markdown);
    ctx.hashes.push(hash);
    if (ctx.stored.get(path) === hash) continue;
    const page = renderPage(markdown, {
      sourcePath,
      pages: ctx.pages,
      assets: ctx.assets,
      readerBase: input.readerBase,
      staticBase: input.staticBase,
      ...(input.versionQuery ? { versionQuery: input.versionQuery } : {}),
    });
    await store.putFile(input.siteId, {
      path,
      pagePath: pagePathOf(sourcePath),
      contentType: 'text/html; charset=utf-8',
      sourceHash: hash,
      title: page.title ?? ctx.titles.get(sourcePath) ?? pagePathOf(sourcePath),
      toc: page.toc,
      editUrl: editUrlOf(ctx.config, sourcePath),
      text: page.text.slice(0, 100_000),
      warnings: page.warnings,
      body: Buffer.from(page.html),
    });
    updated.push(pagePathOf(sourcePath));
  }
  return updated;
}

interface SiteContext {
  config: MkDocsConfig;
  sources: Map<string, string>;
  pages: Set<string>;
  assets: Set<string>;
  titles: Map<string, string>;
  contextHash: string;
  stored: Map<string, string>;
  hashes: string[];
}

async function siteContext(
  input: BuildInput,
  store: SiteStore,
  config: MkDocsConfig,
  docs: SourceFile[],
): Promise<SiteContext> {
  const markdown = docs.filter((f) => /\.md$/i.test(f.path));
  if (markdown.length === 0)
    throw new InputError(
      `the docs folder '${config.docsDir || '.'}' has no Markdown pages; add at least docs/index.md`,
    );
  const sources = new Map<string, string>();
  for (const file of markdown) sources.set(file.path, (await file.content()).toString('utf8'));
  const pages = new Set(sources.keys());
  const assets = new Set(docs.filter((f) => assetContentType(f.path)).map((f) => f.path));
  const titles = new Map<string, string>();
  for (const [path, text] of sources) {
    const title = firstHeading(text);
    if (title) titles.set(path, title);
  }
  // Links resolve against the set of files and the served paths: when those change, every page is rendered again.
  const contextHash = sha256(
    RENDERER_VERSION,
    JSON.stringify([...pages].sort()),
    JSON.stringify([...assets].sort()),
    config.repoUrl ?? '',
    config.editUri ?? '',
    input.readerBase,
    input.staticBase,
    input.versionQuery ?? '',
  );
  return {
    config,
    sources,
    pages,
    assets,
    titles,
    contextHash,
    stored: await store.fileHashes(input.siteId),
    hashes: [],
  };
}

/**
 * Builds one docs site into the store, incrementally: a page whose source (and the site's
 * file list) is unchanged keeps its stored HTML; removed files are unpublished. Missing
 * mkdocs.yml, broken YAML and an empty docs folder fail the build with an InputError;
 * everything else (unknown plugins, bad nav entries, bad links, oversized images) is a
 * warning and the rest of the site is built.
 *
 * @example
 * const result = await buildSite({ siteId, fallbackName: 'Shop', files, readerBase, staticBase, maxAssetBytes: 10e6, log }, store);
 */
export async function buildSite(input: BuildInput, store: SiteStore): Promise<BuildResult> {
  const { config, warnings, text } = await readConfig(input.files);
  const docs = docsFilesOf(input.files, config.docsDir);
  const ctx = await siteContext(input, store, config, docs);
  const updatedPages = await renderChanged(input, store, ctx);
  const assetHashes = await publishAssets(
    input,
    store,
    docs.filter((f) => ctx.assets.has(f.path)),
    ctx.stored,
    warnings,
  );
  const current = new Set([
    ...[...ctx.pages].map((p) => staticPageFile(pagePathOf(p))),
    ...assetHashes.keys(),
  ]);
  const removed = [...ctx.stored.keys()].filter((path) => !current.has(path));
  await store.deleteFiles(input.siteId, removed);
  const nav = buildNav(config.nav, { pages: ctx.pages, titles: ctx.titles, warnings });
  warnings.push(...(await store.pageWarnings(input.siteId)));
  input.log(`${ctx.pages.size} pages, ${updatedPages.length} rendered, ${removed.length} files removed`);
  return {
    siteName: config.siteName ?? input.fallbackName,
    siteDescription: config.siteDescription,
    nav,
    etag: sha256(text, ...ctx.hashes, ...assetHashes.values()).slice(0, 40),
    updatedPages,
    removedPages: removed.filter((p) => p.endsWith('.html')),
    warnings,
  };
}
