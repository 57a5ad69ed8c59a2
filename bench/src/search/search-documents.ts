import type { IndexableDocument } from '@atrium/search/common';
import { CAPABILITIES, NOUNS, TAGS, TEAM_WORDS } from '../catalog/catalog-words.js';
import { createSeededRandom } from '../catalog/seeded-random.js';

const kinds = ['Component', 'Component', 'Component', 'API', 'Resource', 'System', 'Group', 'User'] as const;
const lifecycles = ['production', 'experimental', 'deprecated'] as const;

/** The name of generated document `index` (unique, catalog-like: `payments-gateway-42`). */
export function documentName(index: number): string {
  return `${CAPABILITIES[index % CAPABILITIES.length]}-${NOUNS[(index * 7) % NOUNS.length]}-${index}`;
}

/** One catalog-shaped document, as the catalog collator makes them (deterministic per index). */
export function searchDocument(index: number, revision = 0): IndexableDocument {
  const random = createSeededRandom(index * 31 + revision);
  const name = documentName(index);
  const kind = random.pick(kinds);
  const owner = `team-${random.pick(TEAM_WORDS)}-${index % 200}`;
  const words = Array.from({ length: 24 }, () => random.pick([...CAPABILITIES, ...NOUNS, ...TAGS]));
  return {
    title: name,
    text: `${revision > 0 ? `revision${revision} ` : ''}The ${name} ${kind.toLowerCase()} handles ${words.join(' ')}.`,
    location: `/catalog/default/${kind.toLowerCase()}/${name}`,
    authorization: { resourceRef: `${kind.toLowerCase()}:default/${name}` },
    kind,
    namespace: 'default',
    name,
    type: kind === 'Component' ? 'service' : '',
    lifecycle: random.pick(lifecycles),
    owner,
    tags: random.sample(TAGS, 3),
  };
}

/** What each term of {@link searchTerms} is, by its index modulo 5. */
export const TERM_KINDS = ['name', 'prefix', 'word', 'two words', 'typo'] as const;

/** Query terms: whole names, name prefixes (typeahead), words, two-word phrases, typos. */
export function searchTerms(count: number, documents: number): string[] {
  const random = createSeededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const name = documentName(random.int(documents));
    switch (i % 5) {
      case 0:
        return name;
      case 1:
        return name.slice(0, 3 + random.int(5));
      case 2:
        return random.pick(NOUNS);
      case 3:
        return `${random.pick(CAPABILITIES)} ${random.pick(NOUNS)}`;
      default:
        return `${name.slice(0, 4)}x${name.slice(5, 9)}`;
    }
  });
}
