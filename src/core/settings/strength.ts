/** Below this match strength a hit is not shown, unless the reader changes the sensitivity in Options. */
export const DEFAULT_MIN_STRENGTH = 0.5;
