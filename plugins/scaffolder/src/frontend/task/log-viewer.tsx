import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useEffect, useRef, useState } from 'react';
import type { LogLine } from './task-event-log.js';

/** Props of {@link LogViewer}. */
export interface LogViewerProps {
  lines: readonly LogLine[];
  /** Accessible name, e.g. "Log of Publish". */
  label: string;
  /** Changes when `lines` grew (the array is appended in place). */
  version: number;
}

const lineHeight = 20;
const viewportHeight = 420;
const overscan = 20;

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString(undefined, { hour12: false });
}

/**
 * A terminal-like log that renders only the lines in view, so tens of thousands of lines
 * stay smooth. It follows new lines while scrolled to the bottom; scrolling up pauses that.
 *
 * @example
 * <LogViewer lines={log.lines} version={version} label="Log of all steps" />
 */
export function LogViewer({ lines, label, version }: LogViewerProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [isFollowing, setFollowing] = useState(true);
  const count = lines.length;
  const visibleCount = Math.ceil(viewportHeight / lineHeight) + overscan;
  const first = isFollowing
    ? Math.max(0, count - visibleCount)
    : Math.max(0, Math.floor(scrollTop / lineHeight) - overscan / 2);
  const shown = lines.slice(first, first + visibleCount + overscan);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` tells that lines were appended in place
  useEffect(() => {
    const element = viewport.current;
    if (element && isFollowing) element.scrollTop = element.scrollHeight;
  }, [version, count, isFollowing]);

  const onScroll = () => {
    const element = viewport.current;
    if (!element) return;
    setScrollTop(element.scrollTop);
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < lineHeight * 2;
    setFollowing(atBottom);
  };

  return (
    <Box sx={{ position: 'relative' }}>
      <Box
        ref={viewport}
        role="log"
        aria-label={label}
        tabIndex={0}
        onScroll={onScroll}
        sx={{
          height: viewportHeight,
          overflow: 'auto',
          bgcolor: '#0f172a',
          color: '#e2e8f0',
          borderRadius: 1,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 13,
        }}
      >
        <Box sx={{ height: count * lineHeight + 16, position: 'relative', minWidth: 'max-content' }}>
          <Box sx={{ position: 'absolute', top: first * lineHeight + 8, left: 0, right: 0 }}>
            {count === 0 && (
              <Box sx={{ px: 1.5, color: '#94a3b8', lineHeight: `${lineHeight}px` }}>
                Waiting for log output…
              </Box>
            )}
            {shown.map((line) => (
              <Box
                key={line.key}
                data-log-line=""
                sx={{ px: 1.5, height: lineHeight, lineHeight: `${lineHeight}px`, whiteSpace: 'pre' }}
              >
                <Box component="span" sx={{ color: '#64748b', mr: 1.5, userSelect: 'none' }}>
                  {time(line.createdAt)}
                </Box>
                {line.message}
              </Box>
            ))}
          </Box>
        </Box>
      </Box>
      {!isFollowing && (
        <Button
          size="small"
          variant="contained"
          onClick={() => setFollowing(true)}
          sx={{ position: 'absolute', right: 16, bottom: 12 }}
        >
          Follow log
        </Button>
      )}
    </Box>
  );
}
