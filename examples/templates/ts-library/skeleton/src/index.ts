/** Options of {@link slugify}. */
export interface SlugifyOptions {
  /** Longest slug returned; the cut never leaves a trailing separator. Default 63. */
  maxLength?: number;
  separator?: string;
}

/**
 * Turns any title into a lowercase, URL- and DNS-friendly slug.
 *
 * @example
 * slugify('Hello, World!'); // 'hello-world'
 */
export function slugify(text: string, options: SlugifyOptions = {}): string {
  const separator = options.separator ?? '-';
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^${separator}+|${separator}+$`, 'g'), '');
  const cut = slug.slice(0, options.maxLength ?? 63);
  return cut.replace(new RegExp(`${separator}+$`), '');
}
