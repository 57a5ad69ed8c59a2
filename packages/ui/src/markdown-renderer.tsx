import Box from '@mui/material/Box';
import ReactMarkdown, { type Components, defaultUrlTransform } from 'react-markdown';
import { Link } from './link.js';
import { isSafeUrl } from './safe-url.js';

/** Props of {@link MarkdownRenderer}. */
export interface MarkdownRendererProps {
  children: string;
}

const components: Components = {
  // react-markdown empties unsafe targets; an empty target stays text rather than a link here.
  a: ({ href, children }) => (href ? <Link to={href}>{children}</Link> : <span>{children}</span>),
  img: ({ src, alt }) =>
    typeof src === 'string' && isSafeUrl(src) ? (
      <Box component="img" src={src} alt={alt ?? ''} sx={{ maxWidth: '100%' }} />
    ) : null,
};

/**
 * Renders markdown with react-markdown. Raw HTML in the source is dropped (`skipHtml`,
 * no rehype-raw), so user-written text can never inject markup or scripts.
 *
 * @example
 * <MarkdownRenderer>{entity.metadata.description}</MarkdownRenderer>
 */
export function MarkdownRenderer({ children }: MarkdownRendererProps) {
  return (
    <Box sx={{ '& :first-of-type': { mt: 0 }, '& pre': { overflow: 'auto' }, lineHeight: 1.6 }}>
      <ReactMarkdown skipHtml urlTransform={defaultUrlTransform} components={components}>
        {children}
      </ReactMarkdown>
    </Box>
  );
}
