import { coreServices, defineModule, definePlugin, type EventsService } from '@atrium/kernel';
import { searchCollatorsPoint } from '@atrium/search/backend';
import { searchDocument } from './search-documents.js';

/** The event a bench change publishes: document `index` now has `revision`. */
export const BENCH_CHANGE_TOPIC = 'bench.document.changed';

/**
 * A collator of `size` generated documents, streamed (never all in memory), and updated
 * by `bench.document.changed` events as the catalog's collator is by entity events.
 */
export function benchCollator(size: number, revisions: Map<number, number>) {
  let events: EventsService | undefined;
  const eventsPlugin = definePlugin({
    id: 'bench-events',
    deps: { events: coreServices.events },
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
        async *collate() {
          for (let i = 0; i < size; i++) yield searchDocument(i, revisions.get(i) ?? 0);
        },
        incremental: {
          topics: [BENCH_CHANGE_TOPIC],
          async documentsFor(event) {
            const { index } = event.eventPayload as { index: number };
            const document = searchDocument(index, revisions.get(index) ?? 0);
            return [{ resourceRef: document.authorization!.resourceRef, documents: [document] }];
          },
        },
      });
    },
  });
  return {
    features: [eventsPlugin, module],
    publishChange: (index: number) => events!.publish({ topic: BENCH_CHANGE_TOPIC, eventPayload: { index } }),
  };
}
