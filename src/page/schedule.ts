/**
 * Gives the page's main thread back between slices of work, so no task of ours runs long. Uses
 * scheduler.yield where the browser has it (continuation keeps its priority), else a macrotask.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Longest stretch of our work between two yields: well inside one 16 ms frame, far from a 50 ms long task. */
export const SLICE_MS = 8;

/**
 * Runs a step-wise computation, yielding to the page whenever a slice has used its time. Returns undefined
 * if `stillWanted` turns false between slices (navigation, extension reload).
 */
export async function runInSlices<T>(
  steps: Generator<void, T>,
  stillWanted: () => boolean,
): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      if (!stillWanted()) return undefined;
      sliceStart = performance.now();
    }
  }
}
