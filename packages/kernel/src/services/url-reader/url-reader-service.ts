import type { GitRefs } from './git-refs.js';

/** The content of one URL. */
export interface ReadUrlResponse {
  buffer(): Promise<Buffer>;
  /** Changes when the content changes; pass it back as `etag` to skip unchanged content. */
  etag?: string;
  lastModifiedAt?: Date;
}

/** Options of {@link UrlReaderService.readUrl}. */
export interface ReadUrlOptions {
  etag?: string;
  signal?: AbortSignal;
  /** This read's size limit instead of `backend.reading.maxBytes` (a caller with its own setting, e.g. `plugins.maxTarballBytes`). */
  maxBytes?: number;
  /**
   * An `authorization` header for http(s) reads (a registry token from config). It is sent
   * only to the origin of `url`: a redirect to any other origin goes without it.
   */
  authorization?: string;
}

/** One file of a tree. */
export interface TreeFile {
  /** Path relative to the tree root, with `/` separators. */
  path: string;
  content(): Promise<Buffer>;
}

/**
 * Reads files and trees from file and http(s) URLs under one rule: `file:` only below the
 * roots plugins declare (`fileRoots` in their manifest), never the database directory or a
 * config file; http(s) only to hosts in `backend.reading.allow`.
 */
export interface UrlReaderService {
  /** Throws NotModifiedError when `etag` matches the current content. */
  readUrl(url: string, options?: ReadUrlOptions): Promise<ReadUrlResponse>;
  /**
   * Every file under a directory URL (file: URLs), or under a folder at a branch or tag of a
   * local bare repository (`file:///srv/repos/app.git/tree/v1.2.0/docs/`; `blob` works too).
   */
  readTree(url: string): Promise<{ files(): Promise<TreeFile[]>; etag: string }>;
  /**
   * For a URL into a local bare repository at a ref (`<repo>.git/(blob|tree)/<ref>/...`):
   * its branches and tags, newest first, and `urlAt(ref)` (the same URL at another ref).
   * Undefined for any other URL. The repository is checked as a read of it would be.
   *
   * @example
   * const refs = await urlReader.gitRefs('file:///srv/repos/app.git/blob/main/');
   * refs?.tags; // ['v1.1.0', 'v1.0.0']
   * await urlReader.readTree(refs!.urlAt('v1.0.0'));
   */
  gitRefs(url: string): Promise<GitRefs | undefined>;
  /** Files matching a glob URL such as `file:///srv/repos/*\/catalog-info.yaml`. */
  search(url: string): Promise<{ files: Array<{ url: string; content(): Promise<Buffer> }> }>;
  /**
   * Applies the rule without reading: throws what `readUrl` would throw for policy reasons
   * (InputError for a bad URL or protocol, NotAllowedError with `details.rule` for a file
   * outside the roots, the database directory, a config file, a `.git` folder, a git
   * revision expression, a host not allowed). A file that does not exist yet passes; a
   * glob is checked at the folder it starts from.
   *
   * @example
   * await urlReader.check('file:///srv/repos/app.git/blob/main/catalog-info.yaml'); // before registering it
   */
  check(url: string): Promise<void>;
  /**
   * Resolves a target written in a file read from `locationUrl` (placeholders, child
   * locations, `fetch:*` URLs) and refuses one that leaves the location's base or changes
   * scheme; see `resolveLocationTarget`. Returns an absolute URL.
   *
   * @example
   * urlReader.resolveTarget('file:///srv/repos/app/catalog-info.yaml', './openapi.yaml'); // 'file:///srv/repos/app/openapi.yaml'
   */
  resolveTarget(locationUrl: string, target: string): string;
}
