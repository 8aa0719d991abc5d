/** "news.example.com" from what a reader may type or paste: a hostname or a whole URL. */
export function normalizeHost(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (!text) return undefined;
  let host = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      host = new URL(text).hostname;
    } catch {
      return undefined;
    }
  }
  host = host.replace(/[/:?#].*$/, '');
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host) ? host : undefined;
}
