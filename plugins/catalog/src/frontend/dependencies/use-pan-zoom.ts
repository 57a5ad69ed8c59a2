import {
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** Translation and scale applied to the graph, in viewBox units. */
export interface PanZoomTransform {
  x: number;
  y: number;
  k: number;
}

const identity: PanZoomTransform = { x: 0, y: 0, k: 1 };
const minScale = 0.25;
const maxScale = 4;
// Past this many pixels a press is a drag, and the click that ends it must not open a node.
const dragThreshold = 4;

const clamp = (k: number) => Math.min(maxScale, Math.max(minScale, k));

/** Pixels → viewBox units, for an svg scaled with preserveAspectRatio "xMidYMid meet". */
function toViewBox(svg: SVGSVGElement, clientX: number, clientY: number) {
  const rect = svg.getBoundingClientRect();
  const box = svg.viewBox.baseVal;
  if (!box || rect.width === 0 || rect.height === 0) return { x: clientX, y: clientY, scale: 1 };
  const scale = Math.max(box.width / rect.width, box.height / rect.height);
  const offsetX = (rect.width * scale - box.width) / 2;
  const offsetY = (rect.height * scale - box.height) / 2;
  return {
    x: (clientX - rect.left) * scale - offsetX + box.x,
    y: (clientY - rect.top) * scale - offsetY + box.y,
    scale,
  };
}

/**
 * Pan (drag) and zoom (ctrl/⌘ + wheel, or the returned zoom functions) for an svg whose
 * content sits in one transformed group. Plain wheel scrolls the page as usual.
 *
 * @example
 * const panZoom = usePanZoom(svgRef);
 * <svg ref={svgRef} {...panZoom.handlers}><g transform={panZoom.transformAttribute}>...</g></svg>
 */
export function usePanZoom(svgRef: RefObject<SVGSVGElement | null>) {
  const [transform, setTransform] = useState<PanZoomTransform>(identity);
  const drag = useRef<{ x: number; y: number; origin: PanZoomTransform; moved: boolean }>(undefined);
  const wasDragged = useRef(false);

  const zoomAt = useCallback(
    (factor: number, point?: { x: number; y: number }) => {
      setTransform((current) => {
        const k = clamp(current.k * factor);
        const svg = svgRef.current;
        const box = svg?.viewBox.baseVal;
        const p = point ?? {
          x: (box?.x ?? 0) + (box?.width ?? 0) / 2,
          y: (box?.y ?? 0) + (box?.height ?? 0) / 2,
        };
        // Keep the point under the pointer (or the centre) where it is while scaling.
        return {
          k,
          x: p.x - ((p.x - current.x) * k) / current.k,
          y: p.y - ((p.y - current.y) * k) / current.k,
        };
      });
    },
    [svgRef],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // React registers wheel listeners as passive; zooming must stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const point = toViewBox(svg, event.clientX, event.clientY);
      zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, point);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef, zoomAt]);

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, origin: transform, moved: false };
    wasDragged.current = false;
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const svg = svgRef.current;
    if (!start || !svg) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < dragThreshold) return;
    if (!start.moved) svg.setPointerCapture?.(event.pointerId);
    start.moved = true;
    const { scale } = toViewBox(svg, event.clientX, event.clientY);
    setTransform({ ...start.origin, x: start.origin.x + dx * scale, y: start.origin.y + dy * scale });
  };
  const onPointerUp = () => {
    wasDragged.current = drag.current?.moved ?? false;
    drag.current = undefined;
  };

  return {
    transform,
    transformAttribute: `translate(${transform.x} ${transform.y}) scale(${transform.k})`,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
    zoomIn: () => zoomAt(1.25),
    zoomOut: () => zoomAt(1 / 1.25),
    reset: () => setTransform(identity),
    /** True right after a drag, so the click that ends it can be ignored. */
    wasDragged: () => wasDragged.current,
  };
}
