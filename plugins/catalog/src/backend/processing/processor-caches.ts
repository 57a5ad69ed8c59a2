import type { CatalogProcessorCache } from '../extensions/catalog-processor.js';

/** The stored cache of one entity: each processor's entries and the files last read. */
interface StoredCache {
  /** Per processor name, its key/value entries. */
  p?: Record<string, Record<string, unknown>>;
  /** Per location key read by the built-in reader, its etag ('' when it must be read again). */
  f?: Record<string, string>;
  /** Whether the entity emitted children last time (a non-Location parent then lists them). */
  c?: boolean;
}

/** An entity's processor caches and remembered file etags, during one processing run. */
export class ProcessorCaches {
  private readonly previous: StoredCache;
  private readonly next: Required<Pick<StoredCache, 'p'>> & StoredCache = { p: {} };

  constructor(json: string | null) {
    let parsed: StoredCache = {};
    try {
      parsed = json ? (JSON.parse(json) as StoredCache) : {};
    } catch {
      // A cache that does not parse is as good as none.
    }
    this.previous = parsed;
  }

  /** The cache a processor sees: what it stored last time, and what it stores now. */
  forProcessor(name: string): CatalogProcessorCache {
    const before = this.previous.p?.[name] ?? {};
    return {
      get: async <T>(key: string) => {
        const now = this.next.p[name];
        return (now && key in now ? now[key] : before[key]) as T | undefined;
      },
      set: async (key, value) => {
        this.next.p[name] ??= {};
        (this.next.p[name] as Record<string, unknown>)[key] = value;
      },
    };
  }

  /** File etags from the last run. */
  get previousFiles(): Readonly<Record<string, string>> {
    return this.previous.f ?? {};
  }

  /** Whether the last run emitted children. */
  get hadChildren(): boolean {
    return this.previous.c === true;
  }

  /** The cache to store: processors' entries, files read now, and whether there were children. */
  serialize(files: Record<string, string> | undefined, hasChildren: boolean): string | null {
    const out: StoredCache = {};
    if (Object.keys(this.next.p).length > 0) out.p = this.next.p;
    if (files && Object.keys(files).length > 0) out.f = files;
    if (hasChildren) out.c = true;
    return Object.keys(out).length > 0 ? JSON.stringify(out) : null;
  }
}
