declare module 'virtual:claim-pack' {
  /** The validated claim pack as JSON text; parse it with loadBundledPack(). */
  const packJson: string;
  export default packJson;
}
