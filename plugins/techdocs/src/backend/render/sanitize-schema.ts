import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

const admonitionClass = /^admonition(-[a-z0-9-]+)?$/;

/**
 * The allow-list every page passes through on the server (GitHub's, as rehype-sanitize
 * ships it, plus the admonition containers): no `<script>`, `<style>`, `<iframe>`, event
 * handler attributes, `style`, or URLs other than http(s), mailto and relative ones; ids
 * from the source are prefixed (`user-content-`) so they cannot clobber the reader's globals.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'details', 'summary'],
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), ['className', admonitionClass]],
    details: [...(defaultSchema.attributes?.details ?? []), ['className', admonitionClass]],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'admonition-title']],
    summary: [...(defaultSchema.attributes?.summary ?? []), ['className', 'admonition-title']],
  },
};
