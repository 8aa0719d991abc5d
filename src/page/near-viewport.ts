/**
 * Tells when elements come within a screen's height of the viewport, once per element. The highlighter
 * paints a long article's highlights as the reader gets near them: every painted range costs the
 * browser paint work when it is added, and most of a 10,000-word article is never on screen at once.
 */
export interface NearViewport {
  /** `near` is called (later, in a task of the browser's choosing) once the element is near or on screen. */
  watch(elements: Iterable<Element>): void;
  /** Forget every element not yet reported. */
  reset(): void;
}

/**
 * How far outside the viewport an element counts as near: a screen above and below, so a page-down
 * finds its highlights already painted. `scrollMargin` does the same for scrolling containers inside
 * the page (an app whose body does not scroll); browsers that do not know it ignore it.
 */
const MARGIN = '100% 0px';

interface ObserverWindow {
  IntersectionObserver?: typeof IntersectionObserver;
}

/** Undefined where the browser has no IntersectionObserver: then the caller paints everything at once. */
export function watchNearViewport(
  view: Window | null,
  near: (elements: Element[]) => void,
): NearViewport | undefined {
  const Observer = (view as ObserverWindow | null)?.IntersectionObserver;
  if (!Observer) return undefined;
  const callback: IntersectionObserverCallback = (entries, observer) => {
    const reached: Element[] = [];
    for (const entry of entries) {
      // An element without a box of its own (display: contents) never intersects: its text is shown
      // anyway, so it is painted at once rather than never.
      const { width, height } = entry.boundingClientRect;
      if (!entry.isIntersecting && (width > 0 || height > 0)) continue;
      observer.unobserve(entry.target);
      reached.push(entry.target);
    }
    if (reached.length > 0) near(reached);
  };
  let observer: IntersectionObserver;
  try {
    observer = new Observer(callback, {
      rootMargin: MARGIN,
      scrollMargin: MARGIN,
    } as IntersectionObserverInit);
  } catch {
    observer = new Observer(callback, { rootMargin: MARGIN });
  }
  return {
    watch(elements) {
      for (const el of elements) observer.observe(el);
    },
    reset() {
      observer.disconnect();
    },
  };
}
