import type { TextSpan } from './text-spans';

/**
 * Text the page hides with its stylesheet (display: none, visibility: hidden, opacity: 0) is neither
 * labeled nor listed. Computed style is costly, so only the spans of sentences that matched are checked,
 * and each element once per scan.
 */
export function createVisibilityCheck(): (spans: TextSpan[]) => TextSpan[] {
  const known = new Map<Element, boolean>();
  const isShown = (el: Element | null): boolean => {
    if (el === null) return true;
    let shown = known.get(el);
    if (shown === undefined) {
      const check = (el as Element & { checkVisibility?: (options: object) => boolean }).checkVisibility;
      shown = check ? check.call(el, { visibilityProperty: true, opacityProperty: true }) : true;
      known.set(el, shown);
    }
    return shown;
  };
  return (spans) => spans.filter((span) => isShown(span.node.parentElement));
}
