import type { TextSpan } from './text-spans';

type VisibilityCheck = (options: object) => boolean;

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
      const check = (el as Element & { checkVisibility?: VisibilityCheck }).checkVisibility;
      shown = check ? check.call(el, { visibilityProperty: true, opacityProperty: true }) : true;
      // An element with `display: contents` has no box of its own, so checkVisibility calls it hidden,
      // yet its text renders in its parent's box: it is shown where its parent is, unless it hides its
      // text itself (visibility is inherited by the text; opacity needs a box and does not apply).
      if (!shown) shown = rendersInParent(el) && isShown(el.parentElement);
      known.set(el, shown);
    }
    return shown;
  };
  return (spans) => spans.filter((span) => isShown(span.node.parentElement));
}

/** Only asked of elements checkVisibility called hidden, so style is read for few elements, if any. */
function rendersInParent(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'contents' && style.visibility === 'visible';
}
