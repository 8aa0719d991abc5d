declare module 'virtual:claim-pack' {
  /** The validated claim pack as JSON text; parse it with loadBundledPack(). */
  const packJson: string;
  export default packJson;
  /** The matcher's index for that pack, computed at build time; parse it with loadBundledMatchIndex(). */
  export const matchIndexJson: string;
}
