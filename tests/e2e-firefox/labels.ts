/**
 * What a reader sees labeled on a page, read the same way in Chromium (playwright) and Firefox (puppeteer):
 * the CSS Custom Highlight API entries Claim Lens paints with (`claim-lens-<tier>`, with `-quiet`/`-dark`
 * variants; `claim-lens-active` is the open card's sentence, not a label). One label per painted range.
 * These functions are serialised and run inside the page, so they use nothing from this module.
 */
export interface PageLabel {
  tier: string;
  text: string;
}

export function readPageLabels(): PageLabel[] {
  const labels: PageLabel[] = [];
  const registry = (globalThis as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
  for (const [name, highlight] of registry ?? []) {
    const tier = /^claim-lens-([a-z]+?)(?:-quiet|-dark)?$/.exec(name)?.[1];
    if (!tier || tier === 'active') continue;
    // A page that rewrites its own text node (a live counter) can leave a static range's offsets past the
    // node's new end until the next relabel; read what is still there instead of throwing.
    const length = (node: Node) =>
      node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : node.childNodes.length;
    for (const painted of highlight) {
      const range = document.createRange();
      range.setStart(painted.startContainer, Math.min(painted.startOffset, length(painted.startContainer)));
      range.setEnd(painted.endContainer, Math.min(painted.endOffset, length(painted.endContainer)));
      const text = range.toString();
      if (text.trim()) labels.push({ tier, text: text.replace(/\s+/g, ' ').trim() });
    }
  }
  return labels;
}

/** Labels per tier, e.g. { confirmed: 12, rumor: 4 }. */
export function countByTier(labels: PageLabel[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { tier } of labels) counts[tier] = (counts[tier] ?? 0) + 1;
  return counts;
}

/**
 * Scrolls the n-th label into view and returns the middle of its first line box, in viewport pixels,
 * for a real mouse hover. Serialised into the page like readPageLabels.
 */
export function labelPoint(n: number): { x: number; y: number } | null {
  const ranges: Range[] = [];
  const registry = (globalThis as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS?.highlights;
  for (const [name, highlight] of registry ?? []) {
    if (!name.startsWith('claim-lens-') || name === 'claim-lens-active') continue;
    // A page that rewrites its own text node (a live counter) can leave a static range's offsets past the
    // node's new end until the next relabel; read what is still there instead of throwing.
    const length = (node: Node) =>
      node.nodeType === Node.TEXT_NODE ? (node as Text).data.length : node.childNodes.length;
    for (const painted of highlight) {
      const range = document.createRange();
      range.setStart(painted.startContainer, Math.min(painted.startOffset, length(painted.startContainer)));
      range.setEnd(painted.endContainer, Math.min(painted.endOffset, length(painted.endContainer)));
      if (range.toString().trim().length > 2) ranges.push(range);
    }
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = ranges[n];
  if (!range) return null;
  (range.startContainer.parentElement ?? document.body).scrollIntoView({
    block: 'center',
    behavior: 'instant' as ScrollBehavior,
  });
  const rect = range.getClientRects()[0];
  return rect ? { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 } : null;
}
