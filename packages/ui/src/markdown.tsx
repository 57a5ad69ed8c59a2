import { lazy, Suspense } from 'react';
import { LoadingSkeleton } from './loading-skeleton.js';

// The markdown parser is large, so it is loaded only when a page shows markdown.
const LazyMarkdownRenderer = lazy(() =>
  import('./markdown-renderer.js').then((module) => ({ default: module.MarkdownRenderer })),
);

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** Markdown source; raw HTML inside it is never rendered. */
  children: string;
}

/**
 * Renders markdown safely, loading the parser on first use.
 *
 * @example
 * <Markdown>{'# Hello\n\nSee the [runbook](https://runbooks.example.com).'}</Markdown>
 */
export function Markdown({ children }: MarkdownProps) {
  return (
    <Suspense fallback={<LoadingSkeleton lines={2} />}>
      <LazyMarkdownRenderer>{children}</LazyMarkdownRenderer>
    </Suspense>
  );
}
