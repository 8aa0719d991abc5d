/**
 * A host for our own UI on a page: a plain <div> (never a custom element, so nothing in the page's
 * element registry can take it over), with its own shadow root, shown in the top layer with the popover
 * API, so a modal <dialog>, a transformed <html> or z-index games cannot hide or displace it. Page CSS
 * reaches the host only through what cascades onto it, and `all: initial !important` from inside the
 * shadow root beats even the page's !important rules. Position comes from two custom properties.
 */

/** Attribute for tests and tools to find our UI; our code finds its hosts by identity, never by this. */
export const OWN_UI_ATTRIBUTE = 'data-claim-lens';
const WAITING_ATTRIBUTE = 'data-claim-lens-waiting';

const HOST_CSS = `
:host { all: initial !important; position: fixed !important; inset: auto !important; margin: 0 !important;
  padding: 0 !important; border: 0 !important; background: transparent !important; overflow: visible !important;
  width: auto !important; height: auto !important; max-width: none !important; max-height: none !important;
  top: var(--claim-lens-top, auto) !important; left: var(--claim-lens-left, auto) !important;
  bottom: var(--claim-lens-bottom, auto) !important; right: var(--claim-lens-right, auto) !important;
  transform: none !important; filter: none !important; opacity: 1 !important; visibility: visible !important;
  z-index: 2147483647 !important; pointer-events: auto !important; }
:host(:not(:popover-open)) { display: none !important; }
:host(:popover-open) { display: block !important; }
:host([data-claim-lens-waiting]) { visibility: hidden !important; pointer-events: none !important; }
`;

export interface ShadowHost {
  host: HTMLDivElement;
  root: ShadowRoot;
  /** Where to render. */
  mount: HTMLDivElement;
}

export function createShadowHost(doc: Document, role: string, css: string): ShadowHost {
  const host = doc.createElement('div');
  host.setAttribute(OWN_UI_ATTRIBUTE, role);
  host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'open' });
  const hostStyle = doc.createElement('style');
  hostStyle.textContent = HOST_CSS;
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  root.append(hostStyle, style, mount);
  return { host, root, mount };
}

/**
 * Shows a host where it can be seen and used: on <html> (never in <body>, whose children page CSS may
 * count), or inside the open modal dialog, since everything outside a modal dialog is inert. Also puts
 * back a host the page removed.
 */
export function showShadowHost(host: HTMLElement): void {
  attachShadowHost(host);
  if (!host.matches(':popover-open')) host.showPopover();
}

/** Puts a host where showShadowHost would, hidden (a closed popover is not rendered). */
export function attachShadowHost(host: HTMLElement): void {
  const doc = host.ownerDocument;
  const parent = doc.querySelector('dialog:modal') ?? doc.documentElement;
  if (host.parentNode !== parent) parent.append(host);
}

/**
 * A host laid out in its place but not seen, heard or hit: made ready during a delay, so showing it when
 * the delay ends costs only a repaint (see CardHost.show).
 */
export function setShadowHostWaiting(host: HTMLElement, waiting: boolean): void {
  host.toggleAttribute(WAITING_ATTRIBUTE, waiting);
}

export function hideShadowHost(host: HTMLElement): void {
  setShadowHostWaiting(host, false);
  if (host.isConnected && host.matches(':popover-open')) host.hidePopover();
}

export function placeShadowHost(host: HTMLElement, position: { top: number; left: number }): void {
  host.style.setProperty('--claim-lens-top', `${position.top}px`, 'important');
  host.style.setProperty('--claim-lens-left', `${position.left}px`, 'important');
}
