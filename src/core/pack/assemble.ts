/**
 * Joins the reviewable files of data/ into one pack object. Shape is checked by validatePack, not here,
 * so a malformed file yields precise problems instead of a crash.
 */
export function assemblePack(meta: unknown, sources: unknown, claimFiles: unknown[]): unknown {
  const claims = claimFiles.flatMap((file) => (Array.isArray(file) ? file : [file]));
  return { ...(meta as object), sources, claims };
}
