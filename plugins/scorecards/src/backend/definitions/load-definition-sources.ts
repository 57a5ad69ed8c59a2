import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '@atrium/errors';
import type { LoggerService, UrlReaderService } from '@atrium/kernel';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { DefinitionSource } from '../../common/index.js';
import type { ScorecardsConfig } from '../config.js';
import type { DefinitionKind, DefinitionStore } from '../store/definition-store.js';
import type { ExemptionStore } from '../store/exemption-store.js';
import type { DefinitionRegistry } from './definition-registry.js';
import { validateCampaign, validateCheck, validateTrack } from './validate-definitions.js';

const fileSchema = z.object({
  checks: z.array(z.unknown()).default([]),
  tracks: z.array(z.unknown()).default([]),
  campaigns: z.array(z.unknown()).default([]),
  /** Exemptions granted by the file (approved by it); created once, then managed in the UI. */
  exemptions: z
    .array(
      z.object({
        checkId: z.string(),
        entityRef: z.string(),
        justification: z.string().min(1),
        expiresAt: z.string().optional(),
      }),
    )
    .default([]),
});

type Parsed = z.output<typeof fileSchema>;

async function readFile(urlReader: UrlReaderService, path: string): Promise<{ url: string; parsed: Parsed }> {
  const url = pathToFileURL(resolve(path)).href;
  const text = (await (await urlReader.readUrl(url)).buffer()).toString('utf8');
  const parsed = fileSchema.safeParse(parseYaml(text));
  if (!parsed.success)
    throw new InputError(`scorecards definition file '${path}' is not valid: ${parsed.error.message}`);
  return { url, parsed: parsed.data };
}

/** Validates every definition of one source; the tracks may read levels of tracks in any source. */
async function validated(
  registry: DefinitionRegistry,
  store: DefinitionStore,
  items: Parsed,
): Promise<Array<{ kind: DefinitionKind; id: string; body: object }>> {
  const isKnownFact = await registry.isKnownFact();
  const trackIds = new Set([
    ...(await store.list('track')).map((row) => row.id),
    ...items.tracks.map((track) => (track as { id?: string }).id ?? ''),
  ]);
  const known = (factRef: string) =>
    isKnownFact(factRef) || [...trackIds].some((id) => factRef === `scorecards:default/track/${id}`);
  const checks = items.checks.map((check) => validateCheck(check, known));
  const checkIds = new Set([
    ...(await store.list('check')).map((row) => row.id),
    ...checks.map((check) => check.id),
  ]);
  return [
    ...checks.map((body) => ({ kind: 'check' as const, id: body.id, body })),
    ...items.tracks
      .map((track) => validateTrack(track, checkIds))
      .map((body) => ({ kind: 'track' as const, id: body.id, body })),
    ...items.campaigns
      .map((campaign) => validateCampaign(campaign, checkIds))
      .map((body) => ({ kind: 'campaign' as const, id: body.id, body })),
  ];
}

async function seedExemptions(
  exemptions: ExemptionStore,
  items: Parsed['exemptions'],
  source: string,
): Promise<void> {
  for (const item of items) {
    if (await exemptions.get(item.checkId, item.entityRef)) continue;
    await exemptions.request({ ...item, userRef: source });
    await exemptions.approve(item.checkId, item.entityRef, source);
  }
}

/**
 * Makes the stored config and file definitions what config and the files say (each source
 * replaced as a whole); an id defined by two sources is refused, naming both.
 */
export async function loadDefinitionSources(deps: {
  config: ScorecardsConfig;
  urlReader: UrlReaderService;
  store: DefinitionStore;
  exemptions: ExemptionStore;
  registry: DefinitionRegistry;
  logger: LoggerService;
}): Promise<void> {
  const fromConfig: Parsed = {
    checks: deps.config.checks,
    tracks: deps.config.tracks,
    campaigns: deps.config.campaigns,
    exemptions: [],
  };
  const sources: Array<{ source: DefinitionSource; parsed: Parsed }> = [
    { source: { type: 'config', location: 'scorecards' }, parsed: fromConfig },
  ];
  for (const path of deps.config.definitionFiles) {
    const { url, parsed } = await readFile(deps.urlReader, path);
    sources.push({ source: { type: 'file', location: url }, parsed });
  }
  // Checks first across every source, so a track may use a check of another source.
  for (const { source, parsed } of sources) {
    await deps.store.replaceSource(
      source,
      await validated(deps.registry, deps.store, { ...parsed, tracks: [], campaigns: [] }),
    );
  }
  for (const { source, parsed } of sources) {
    await deps.store.replaceSource(source, await validated(deps.registry, deps.store, parsed));
    await seedExemptions(deps.exemptions, parsed.exemptions, source.location ?? source.type);
  }
  deps.registry.invalidate();
  deps.logger.info(
    `scorecards definitions loaded from config and ${deps.config.definitionFiles.length} file(s)`,
  );
}
