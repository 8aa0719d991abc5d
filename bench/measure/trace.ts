import type { CDPSession } from 'playwright-core';

/**
 * Chromium traces (CDP Tracing) and the attribution of main-thread tasks to the extension. A task "runs
 * extension code" when any event inside it names a script of ours (a chrome-extension:// URL, or the
 * bench's own labeler bundle), or when a CPU-profile sample taken during it has one of our scripts on its
 * stack. The samples catch what event URLs miss: code resumed after `await` runs as a microtask, whose
 * trace events carry no URL.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: how long the thread was actually running during the event (not waiting for a core). */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      isMainFrame?: boolean;
      frame?: string;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { url?: string; functionName?: string; lineNumber?: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
].join(',');

/** Tasks and their thread time only: no CPU profile, no script events, so it barely slows the load. */
const LIGHT_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'].join(',');

export async function startTrace(cdp: CDPSession, { light = false } = {}): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: light ? LIGHT_CATEGORIES : CATEGORIES,
    transferMode: 'ReturnAsStream',
  });
}

export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((done) =>
    cdp.once('Tracing.tracingComplete', (e) => done(e.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface Task {
  startMs: number;
  ms: number;
  /** Of `ms`, the time the main thread was running (on a busy machine a task also waits for a core). */
  cpuMs: number;
  /** The task ran code from one of our scripts. */
  ours: boolean;
  /** Our script and function names seen in it (for "where time goes"). */
  where: string[];
  /** The renderer's own work inside it, ms by kind (garbage collection included); the rest is script. */
  rendering: { style: number; layout: number; paint: number; gc: number };
}

/** "; of it 12.1 ms style, 3.0 ms gc" for a task's rendering and collection work, or "" when none. */
export function renderingNote({ rendering }: Task): string {
  const parts = Object.entries(rendering)
    .filter(([, ms]) => ms >= 0.5)
    .map(([kind, ms]) => `${ms.toFixed(1)} ms ${kind}`);
  return parts.length > 0 ? `; of it ${parts.join(', ')}` : '';
}

/** Trace events of the renderer's own work, by what a reader would call it. */
const RENDERING: Record<string, keyof Task['rendering']> = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  MajorGC: 'gc',
  MinorGC: 'gc',
  BlinkGC: 'gc',
};

export interface TaskSummary {
  /** Every top-level main-thread task of the page's renderer. */
  tasks: Task[];
  /** Busy time of all tasks (script, style, layout, paint), ms. */
  busyMs: number;
  /** The same, counting only the time the main thread was running. */
  cpuMs: number;
  /** CPU-profile time spent in our scripts, by `function (file)`, ms. */
  ourSelfMs: Map<string, number>;
  samplingMs: number;
}

/** Top-level tasks on the main thread of the renderer that committed `url`. */
export function summarizeTrace(
  events: TraceEvent[],
  url: string,
  isOurs: (u: string) => boolean,
  frameKey: FrameKey = byFile,
): TaskSummary {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  // The renderer that committed the page; for a trace started after the load, the one that ran its scripts.
  const commit = events.find(
    (e) => e.name === 'CommitLoad' && e.args?.data?.isMainFrame && e.args.data.url === url,
  );
  const origin = new URL(url).origin;
  const pid =
    commit?.pid ??
    events.find((e) => e.args?.data?.url?.startsWith(origin) && mains.some((m) => m.pid === e.pid))?.pid;
  const main = mains.find((e) => e.pid === pid);
  if (pid === undefined || !main)
    return { tasks: [], busyMs: 0, cpuMs: 0, ourSelfMs: new Map(), samplingMs: 0 };
  const onMain = events.filter((e) => e.pid === pid && e.tid === main.tid);
  const runTasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  // Nested RunTask events (a task inside a task) are part of the outer one.
  const topLevel: TraceEvent[] = [];
  for (const t of runTasks) {
    const last = topLevel.at(-1);
    if (last && t.ts < last.ts + (last.dur ?? 0)) continue;
    topLevel.push(t);
  }
  const samples = profileSamples(events, pid, main.tid, isOurs, frameKey);
  const tasks = topLevel.map((t): Task => {
    const end = t.ts + (t.dur ?? 0);
    const where = new Set<string>();
    const rendering = { style: 0, layout: 0, paint: 0, gc: 0 };
    for (const e of onMain) {
      if (e.ts < t.ts || e.ts >= end || e === t) continue;
      const u = e.args?.data?.url;
      if (u && isOurs(u)) where.add(`${e.name} ${shortUrl(u)}`);
      const kind = e.ph === 'X' ? RENDERING[e.name] : undefined;
      if (kind) rendering[kind] += (e.dur ?? 0) / 1000;
    }
    for (const s of samples) if (s.ts >= t.ts && s.ts < end && s.ours) where.add(s.frame);
    return {
      startMs: t.ts / 1000,
      ms: (t.dur ?? 0) / 1000,
      cpuMs: (t.tdur ?? t.dur ?? 0) / 1000,
      ours: where.size > 0,
      where: [...where],
      rendering,
    };
  });
  const ourSelfMs = new Map<string, number>();
  for (const s of samples) {
    if (!s.ours) continue;
    ourSelfMs.set(s.frame, (ourSelfMs.get(s.frame) ?? 0) + s.intervalMs);
  }
  const intervals = samples.map((s) => s.intervalMs).sort((a, b) => a - b);
  return {
    tasks,
    busyMs: tasks.reduce((n, t) => n + t.ms, 0),
    cpuMs: tasks.reduce((n, t) => n + t.cpuMs, 0),
    ourSelfMs,
    samplingMs: intervals[Math.floor(intervals.length / 2)] ?? 0,
  };
}

/** How CPU samples in our code are grouped: by file (minified bundles), or finer. */
export type FrameKey = (frame: { url: string; fn: string; line: number }) => string;
const byFile: FrameKey = ({ url }) => shortUrl(url);

export const shortUrl = (u: string) =>
  u.replace(/^chrome-extension:\/\/[a-p]{32}\//, 'ext:/').replace(/^https:\/\/[^/]+\//, '/');

interface Sample {
  ts: number;
  intervalMs: number;
  ours: boolean;
  /** The innermost frame of ours on the stack, as `function (file)`. */
  frame: string;
}

/** CPU-profile samples of one thread, from the trace's Profile/ProfileChunk events. */
function profileSamples(
  events: TraceEvent[],
  pid: number,
  tid: number,
  isOurs: (u: string) => boolean,
  frameKey: FrameKey,
): Sample[] {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const result: Sample[] = [];
  for (const profile of profiles) {
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id);
    const nodes = new Map<number, { parent?: number; url: string; fn: string; line: number }>();
    let ts = (profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts;
    for (const chunk of chunks) {
      const data = chunk.args?.data;
      for (const n of data?.cpuProfile?.nodes ?? [])
        nodes.set(n.id, {
          parent: n.parent,
          url: n.callFrame.url ?? '',
          fn: n.callFrame.functionName ?? '',
          line: n.callFrame.lineNumber ?? 0,
        });
      const ids = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      ids.forEach((id, i) => {
        const delta = deltas[i] ?? 0;
        ts += delta;
        let node = nodes.get(id);
        let frame = '';
        while (node) {
          if (node.url && isOurs(node.url)) {
            frame = frameKey(node);
            break;
          }
          node = node.parent === undefined ? undefined : nodes.get(node.parent);
        }
        result.push({ ts, intervalMs: Math.max(0, delta) / 1000, ours: frame !== '', frame });
      });
    }
  }
  // A sample's delta is the time since the previous one: attribute it to the sample that ends it.
  return result;
}
