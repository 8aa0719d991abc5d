/**
 * Gives the page's main thread back between slices of work, so no task of ours runs long. Uses
 * scheduler.yield where the browser has it (continuation keeps its priority), else a macrotask.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
