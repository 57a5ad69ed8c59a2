import type { IndexableDocument } from '../../common/search-types.js';
import { toSearchTokens } from './search-terms.js';

/** A document as both engines store it. */
export interface StoredDocumentRow {
  type: string;
  doc_key: string;
  resource_ref: string | null;
  title: string;
  keywords: string;
  body: string;
  /** `|<name words>|<title words>|`: a term equal to either ranks first. */
  exact_keys: string;
  /** The name's words, space-separated: a term of exactly these words ranks first. */
  exact_name: string;
  /** The title's words, space-separated. */
  exact_title: string;
  document: string;
  indexed_at: number;
}

const ownFields = new Set(['title', 'text', 'location', 'authorization']);
const maxFieldLength = 100_000;

function keywordText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Text no database can store is replaced: PostgreSQL refuses U+0000 anywhere. */
function storable(value: string): string {
  return value.replaceAll('\u0000', ' ').slice(0, maxFieldLength);
}

/** The row of a document; its extra string fields (name, kind, owner, tags...) become keywords. */
export function toStoredRow(type: string, document: IndexableDocument, indexedAt: number): StoredDocumentRow {
  const keywords = Object.entries(document)
    .filter(([field]) => !ownFields.has(field))
    .flatMap(([, value]) => keywordText(value));
  const name = typeof document.name === 'string' ? document.name : '';
  const exactName = toSearchTokens(name).join(' ');
  const exactTitle = toSearchTokens(document.title).join(' ');
  return {
    type,
    doc_key: storable(document.location),
    resource_ref: document.authorization?.resourceRef ?? null,
    title: storable(document.title),
    keywords: storable(keywords.join(' ')),
    body: storable(document.text),
    exact_keys: `|${exactName}|${exactTitle}|`,
    exact_name: exactName,
    exact_title: exactTitle,
    document: JSON.stringify(document, (_key, value: unknown) =>
      typeof value === 'string' ? value.replaceAll('\u0000', ' ') : value,
    ),
    indexed_at: indexedAt,
  };
}

/** The key a term is compared with in `exact_keys`; its words alone are compared with `exact_name` and `exact_title`. */
export function exactKeyOf(tokens: readonly string[]): string {
  return `|${tokens.join(' ')}|`;
}
