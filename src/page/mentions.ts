/**
 * The page gate: the only code of ours that runs on every page. It must stay tiny and import nothing, so
 * the content script's entry bundle stays a few kilobytes and a page that never mentions DeepSeek costs
 * one regex test over textContent.
 */

/** Company name (Latin and Chinese) and the V4 model names. */
const DEEPSEEK_MENTION = /deep[ \u00a0]?seek|深度求索|\bv4[-\u2010\u2011 \u00a0]?(?:pro|flash)\b/i;

export function pageMentionsDeepSeek(doc: Document): boolean {
  if (DEEPSEEK_MENTION.test(doc.title)) return true;
  // textContent, not innerText: innerText forces a style and layout pass on the whole page.
  const bodyText = doc.body?.textContent;
  return bodyText != null && DEEPSEEK_MENTION.test(bodyText);
}
