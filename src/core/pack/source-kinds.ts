/**
 * What kind of document a source is, in words a reader understands. Plain data with no zod import, so the
 * card and popup can show a source's kind without building the pack schema.
 */

export const SOURCE_KINDS = [
  'model-card',
  'model-card-copy',
  'paper',
  'repository',
  'pricing-page',
  'third-party-docs',
  'news',
  'analysis',
  'blog',
  'leak',
  'forum',
  'social',
  'video',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** DeepSeek's own material (or a verbatim copy of it): the only kinds that can confirm or refute a claim. */
export const PRIMARY_SOURCE_KINDS: readonly SourceKind[] = [
  'model-card',
  'model-card-copy',
  'paper',
  'repository',
  'pricing-page',
];

/** How the card names a source's kind, after the title: "… — Hugging Face, 2026-04-24 · DeepSeek's model card". */
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  'model-card': "DeepSeek's model card",
  'model-card-copy': "copy of DeepSeek's model card",
  paper: "DeepSeek's paper",
  repository: "DeepSeek's code repository",
  'pricing-page': "DeepSeek's API pricing page",
  'third-party-docs': 'third-party documentation',
  news: 'news report',
  analysis: 'analysis article',
  blog: 'blog post',
  leak: 'leaked document or screenshot',
  forum: 'forum or issue-tracker post',
  social: 'social media post',
  video: 'online video',
};

export function isPrimaryKind(kind: SourceKind): boolean {
  return PRIMARY_SOURCE_KINDS.includes(kind);
}
