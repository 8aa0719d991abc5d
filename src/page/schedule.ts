/**
 * Gives the page's main thread back between slices of work, so no task of ours runs long. Uses
 * scheduler.yield where the browser has it (continuation keeps its priority), else a macrotask.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Longest stretch of our work between two yields. On an article page a slice shares its task with the
 * garbage collections and the step that crosses the line, so it stays at a quarter of a frame; the
 * extension's background, which no reader waits on frame by frame, takes longer slices.
 */
export const PAGE_SLICE_MS = 4;
export const BACKGROUND_SLICE_MS = 8;

/**
 * Runs a step-wise computation, yielding to the page whenever a slice has used its time. Returns undefined
 * if `stillWanted` turns false between slices (navigation, extension reload).
 */
export async function runInSlices<T>(
  steps: Generator<void, T>,
  stillWanted: () => boolean,
  /** Told how long each slice ran (the benchmark's view of our longest task). */
  onSlice?: (ms: number) => void,
  sliceMs = PAGE_SLICE_MS,
): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    const elapsed = performance.now() - sliceStart;
    if (step.done) {
      onSlice?.(elapsed);
      return step.value;
    }
    if (elapsed > sliceMs) {
      onSlice?.(elapsed);
      await yieldToPage();
      if (!stillWanted()) return undefined;
      sliceStart = performance.now();
    }
  }
}

/**
 * A debounce that cannot starve: it waits for `quietMs` without calls, but never longer than `maxWaitMs`
 * after the first call it is holding, so a page that changes every 200 ms still gets its turn.
 */
export function debounceWithMaxWait(
  run: () => void,
  quietMs: number,
  maxWaitMs: number | (() => number),
): { schedule(delay?: number): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstCall: number | undefined;
  const fire = () => {
    timer = undefined;
    firstCall = undefined;
    run();
  };
  return {
    schedule(delay = quietMs) {
      const now = performance.now();
      firstCall ??= now;
      const maxWait = typeof maxWaitMs === 'number' ? maxWaitMs : maxWaitMs();
      const wait = Math.max(0, Math.min(delay, firstCall + maxWait - now));
      clearTimeout(timer);
      timer = setTimeout(fire, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      firstCall = undefined;
    },
  };
}
