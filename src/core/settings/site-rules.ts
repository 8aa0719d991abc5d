import type { Settings } from './schema';

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

/** Whether this page should be labeled under these settings. */
export function labelingAllowed(settings: Settings, hostname: string): 'yes' | 'paused' | 'site-disabled' {
  if (settings.sites[hostname] === 'never') return 'site-disabled';
  if (settings.paused && settings.sites[hostname] !== 'always') return 'paused';
  return 'yes';
}
