import { percentile } from '../stats.js';

/** A running portal with scorecards (a spawned server or a test backend: only its URL is used). */
export interface ReadPathsBackend {
  url: string;
}

/** What {@link measureReadPaths} reads: an entity for its tab, a group for its grid, and how often. */
export interface ReadPathsOptions {
  /** An entity with results (its Scorecards tab). */
  entityRef: string;
  /** A group owning many entities (2,000 for the goal). */
  groupRef: string;
  /** Limit the overview and grid to one track (default: all tracks). */
  trackId?: string;
  /** Samples of the entity tab (default 200); the grid and overview take a fifth of it (at least 10). */
  samples?: number;
}

/** Milliseconds of one read path. */
export interface ReadPathFigures {
  median: number;
  p99: number;
  samples: number;
}

/** The figures of {@link measureReadPaths}; goals: tab p99 < 20 ms, grid < 200 ms, overview < 500 ms. */
export interface ReadPathsResult {
  /** The five requests the Scorecards tab makes, in parallel, as one sample. */
  entityTab: ReadPathFigures;
  teamGrid: ReadPathFigures & { rows: number };
  overview: ReadPathFigures & { cells: number; entities: number };
}

async function timed(backend: ReadPathsBackend, token: string, path: string): Promise<[number, unknown]> {
  const started = performance.now();
  const response = await fetch(`${backend.url}/api/scorecards${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`GET /api/scorecards${path} answered ${response.status}: ${text}`);
  return [elapsed, JSON.parse(text)];
}

async function sample(count: number, once: () => Promise<number>): Promise<ReadPathFigures> {
  await once(); // warm-up: the first call pays for compiled queries and caches.
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await once());
  return { median: percentile(times, 50), p99: percentile(times, 99), samples: count };
}

/**
 * Times the scorecards read paths as the caller `token` sees them, one request at a time:
 * an entity's Scorecards tab (the requests it makes together), a group's team grid, and
 * the overview heatmap. Run it once with an operator's token (precomputed aggregates) and
 * once with a restricted user's (aggregates over readable entities) to compare.
 *
 * @example
 * const figures = await measureReadPaths(server, adminToken, { entityRef, groupRef: 'group:default/team-0' });
 */
export async function measureReadPaths(
  backend: ReadPathsBackend,
  token: string,
  opts: ReadPathsOptions,
): Promise<ReadPathsResult> {
  const samples = opts.samples ?? 200;
  const entity = encodeURIComponent(opts.entityRef);
  const track = opts.trackId ? `&trackId=${encodeURIComponent(opts.trackId)}` : '';
  const tabPaths = [
    `/tracks?entityRef=${entity}`,
    `/certifications?entityRef=${entity}`,
    `/checks?entityRef=${entity}`,
    `/results?entityRef=${entity}`,
    `/checks/exemptions?entityRef=${entity}&limit=100`,
  ];
  const entityTab = await sample(samples, async () => {
    const started = performance.now();
    await Promise.all(tabPaths.map((path) => timed(backend, token, path)));
    return performance.now() - started;
  });
  let rows = 0;
  const gridPath = `/team-grid?groupRef=${encodeURIComponent(opts.groupRef)}&limit=5000${track}`;
  const teamGrid = await sample(Math.max(10, Math.floor(samples / 5)), async () => {
    const [elapsed, body] = await timed(backend, token, gridPath);
    rows = (body as { rows: unknown[] }).rows.length;
    return elapsed;
  });
  let cells = 0;
  let entities = 0;
  const overviewPath = `/overview${track ? `?${track.slice(1)}` : ''}`;
  const overview = await sample(Math.max(10, Math.floor(samples / 5)), async () => {
    const [elapsed, body] = await timed(backend, token, overviewPath);
    const found = (body as { cells: Array<{ entityCount: number }> }).cells;
    cells = found.length;
    entities = found.reduce((sum, cell) => sum + cell.entityCount, 0);
    return elapsed;
  });
  return { entityTab, teamGrid: { ...teamGrid, rows }, overview: { ...overview, cells, entities } };
}
