import { catalogPermissions } from '@atrium/catalog/common';
import { coreServices, defineModule, definePlugin, type EventsService } from '@atrium/kernel';
import { searchCollatorsPoint } from '@atrium/search/backend';
import { catalogDocuments, componentDocument, docsDocuments, type SearchCorpus } from './search-documents.js';

/** The event a bench change publishes: component `index` now has a new revision. */
export const BENCH_CHANGE_TOPIC = 'bench.entity.changed';

/**
 * Collators of the corpus as the catalog and techdocs collators shape it (`software-catalog`
 * and `techdocs`, both guarded by `catalog.entity.read`), streamed (never all in memory),
 * the catalog type updated by `bench.entity.changed` events as the catalog's is by entity events.
 */
export function benchCollator(corpus: SearchCorpus, revisions: Map<string, number>) {
  let events: EventsService | undefined;
  // Declares the permission the collators use, as the catalog plugin would (the default policy allows it).
  const eventsPlugin = definePlugin({
    id: 'bench-events',
    deps: { events: coreServices.events },
    permissions: [catalogPermissions.entityRead],
    init({ deps }) {
      events = deps.events;
    },
  });
  const module = defineModule({
    plugin: 'search',
    id: 'bench-collator',
    deps: {},
    extensionPoints: { collators: searchCollatorsPoint },
    init({ extensions }) {
      extensions.collators.add({
        type: 'software-catalog',
        visibilityPermission: catalogPermissions.entityRead,
        async *collate() {
          yield* catalogDocuments(corpus, revisions);
        },
        incremental: {
          topics: [BENCH_CHANGE_TOPIC],
          async documentsFor(event) {
            const { index } = event.eventPayload as { index: number };
            const document = componentDocument(corpus, index, revisions);
            return [{ resourceRef: document.authorization!.resourceRef, documents: [document] }];
          },
        },
      });
      extensions.collators.add({
        type: 'techdocs',
        visibilityPermission: catalogPermissions.entityRead,
        async *collate() {
          yield* docsDocuments(corpus);
        },
      });
    },
  });
  return {
    features: [eventsPlugin, module],
    /** Gives component `index` revision `revision` and publishes the change. */
    publishChange(index: number, revision: number) {
      revisions.set(`component:default/${corpus.plan.componentName(index)}`, revision);
      return events!.publish({ topic: BENCH_CHANGE_TOPIC, eventPayload: { index } });
    },
  };
}
