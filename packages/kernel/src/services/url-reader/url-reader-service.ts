/** The content of one URL. */
export interface ReadUrlResponse {
  buffer(): Promise<Buffer>;
  /** Changes when the content changes; pass it back as `etag` to skip unchanged content. */
  etag?: string;
  lastModifiedAt?: Date;
}

/** One file of a tree. */
export interface TreeFile {
  /** Path relative to the tree root, with `/` separators. */
  path: string;
  content(): Promise<Buffer>;
}

/** Reads files and trees from file and http(s) URLs within the configured allow-lists. */
export interface UrlReaderService {
  /** Throws NotModifiedError when `etag` matches the current content. */
  readUrl(url: string, options?: { etag?: string; signal?: AbortSignal }): Promise<ReadUrlResponse>;
  /** Every file under a directory URL (file: URLs). */
  readTree(url: string): Promise<{ files(): Promise<TreeFile[]>; etag: string }>;
  /** Files matching a glob URL such as `file:///srv/repos/*\/catalog-info.yaml`. */
  search(url: string): Promise<{ files: Array<{ url: string; content(): Promise<Buffer> }> }>;
}
