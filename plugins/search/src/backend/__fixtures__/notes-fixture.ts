import {
  coreServices,
  defineModule,
  definePermission,
  definePlugin,
  defineServiceFactory,
  type PermissionPolicy,
} from '@atrium/kernel';
import type { IndexableDocument } from '../../common/search-types.js';
import { searchCollatorsPoint } from '../collators/search-collator.js';

/** A note of the test's "notes" plugin: a resource with an author. */
export interface Note {
  ref: string;
  title: string;
  text: string;
  author: string;
  kind?: string;
  /** An entity-style name (exact-name matches rank first). */
  name?: string;
}

export const NOTE_CHANGED_TOPIC = 'notes.note.changed';
export const noteRead = definePermission({
  name: 'notes.note.read',
  resourceType: 'note',
  attributes: { action: 'read' },
});

function toDocument(note: Note): IndexableDocument {
  return {
    title: note.title,
    text: note.text,
    location: `/notes/${note.ref}`,
    authorization: { resourceRef: note.ref },
    author: note.author,
    kind: note.kind ?? 'Note',
    ...(note.name ? { name: note.name } : {}),
  };
}

/**
 * A small plugin that owns notes (a resource type with an IS_AUTHOR rule) and a search
 * module that collates them, as the catalog and its collator do, over a Map the test edits.
 */
export function createNotesFixture(notes: Map<string, Note>) {
  const plugin = definePlugin({
    id: 'notes',
    deps: { registry: coreServices.permissionsRegistry, events: coreServices.events },
    permissions: [noteRead],
    init({ deps }) {
      deps.registry.addResourceType<Note>({
        resourceType: 'note',
        rules: [
          {
            name: 'IS_AUTHOR',
            description: 'authored by one of the claims',
            resourceType: 'note',
            apply: (note, params) => (params.claims as string[]).includes(note.author),
            toQuery: () => undefined,
          },
        ],
        getResources: async (refs) => refs.map((ref) => notes.get(ref)),
      });
      events = deps.events;
    },
  });
  let events: { publish(params: { topic: string; eventPayload: unknown }): Promise<void> } | undefined;
  const collator = defineModule({
    plugin: 'search',
    id: 'notes-collator',
    deps: {},
    extensionPoints: { collators: searchCollatorsPoint },
    init({ extensions }) {
      extensions.collators.add({
        type: 'note',
        visibilityPermission: noteRead,
        async *collate() {
          for (const note of [...notes.values()]) yield toDocument(note);
        },
        incremental: {
          topics: [NOTE_CHANGED_TOPIC],
          async documentsFor(event) {
            const ref = (event.eventPayload as { ref: string }).ref;
            const note = notes.get(ref);
            return [{ resourceRef: ref, documents: note ? [toDocument(note)] : [] }];
          },
        },
      });
    },
  });
  return {
    features: [plugin, collator],
    /** Publishes a change of one note, as the owning plugin would. */
    changed: (ref: string) => events!.publish({ topic: NOTE_CHANGED_TOPIC, eventPayload: { ref } }),
  };
}

/** alice reads the notes she wrote; mallory none; everyone else all. */
export const notesPolicy = defineServiceFactory({
  service: coreServices.permissionPolicy,
  deps: {},
  factory: (): PermissionPolicy => ({
    async handle({ permission }, { credentials }) {
      const { principal } = credentials;
      if (principal.type === 'none') return { result: 'DENY' };
      if (permission.name !== noteRead.name || principal.type !== 'user') return { result: 'ALLOW' };
      if (principal.userEntityRef === 'user:default/mallory') return { result: 'DENY' };
      if (principal.userEntityRef !== 'user:default/alice') return { result: 'ALLOW' };
      return {
        result: 'CONDITIONAL',
        pluginId: 'notes',
        resourceType: 'note',
        conditions: { rule: 'IS_AUTHOR', resourceType: 'note', params: { claims: ['alice'] } },
      };
    },
  }),
});
