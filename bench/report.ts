/** Statistics and the report of `npm run bench`: one line per figure, with median, p95, budget and ratio. */

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p95 of 7 samples is the largest); NaN for no samples. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Differences of interleaved runs, run by run (a[i] − b[i]). */
export function paired(a: number[], b: number[]): number[] {
  return a.slice(0, b.length).map((x, i) => x - b[i]!);
}

/** Least-squares line through (x, y) and how well it fits (R²). */
export function linearFit(points: { x: number; y: number }[]): {
  slope: number;
  intercept: number;
  r2: number;
} {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const ssRes = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  const ssTot = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  return { slope, intercept, r2: ssTot === 0 ? 1 : 1 - ssRes / ssTot };
}

export type Verdict = 'PASS' | 'OVER' | 'info';

export interface Line {
  /** The goal of issue 12 this line reports (a–e), or `why …` for where the time goes. */
  goal: string;
  label: string;
  unit: string;
  n: number;
  median: number;
  p95: number;
  budget?: number;
  /** Which figure is held to the budget. */
  judge: 'median' | 'p95';
  verdict: Verdict;
  note?: string;
}

export function line(
  fields: Omit<Line, 'verdict' | 'median' | 'p95' | 'n' | 'judge'> & {
    samples: number[];
    judge?: Line['judge'];
  },
): Line {
  const { samples, judge = 'p95', ...rest } = fields;
  const med = median(samples);
  const p95 = percentile(samples, 95);
  const judged = judge === 'median' ? med : p95;
  const verdict: Verdict = rest.budget === undefined ? 'info' : judged <= rest.budget ? 'PASS' : 'OVER';
  return { ...rest, n: samples.length, median: med, p95, judge, verdict };
}

function fmt(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs === 0 ? 0 : abs < 10 ? 2 : abs < 100 ? 1 : 0;
  return `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
}

const ratio = (value: number, budget: number | undefined) =>
  budget === undefined || Number.isNaN(value) ? '—' : (value / budget).toFixed(2);

export interface Machine {
  cpu: string;
  cores: number;
  chromium: string;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average at start and end; above the core count, figures are inflated and noisier. */
  loadAtStart: number;
  loadAtEnd: number;
}

export interface Report {
  machine: Machine;
  durationS: number;
  notes: string[];
  lines: Line[];
}

export function markdownTable(lines: Line[]): string {
  const head = [
    '| goal | what | N | median | p95 | budget | ratio (judged/budget) | verdict |',
    '|---|---|--:|--:|--:|--:|--:|---|',
  ];
  const rows = lines.map((l) => {
    const judged = l.judge === 'median' ? l.median : l.p95;
    const budget = l.budget === undefined ? '—' : `${fmt(l.budget, l.unit)} (${l.judge})`;
    const verdict = l.verdict === 'info' ? 'info' : `**${l.verdict}**`;
    const what = `${l.label}${l.note ? ` — ${l.note}` : ''}`.replaceAll('|', '\\|');
    return `| ${l.goal} | ${what} | ${l.n} | ${fmt(l.median, l.unit)} | ${fmt(l.p95, l.unit)} | ${budget} | ${ratio(judged, l.budget)} | ${verdict} |`;
  });
  return [...head, ...rows].join('\n');
}

export function machineLine(m: Machine): string {
  const busy = Math.max(m.loadAtStart, m.loadAtEnd) > m.cores;
  return `${m.cpu}, ${m.cores} cores, ${m.chromium}, Node ${m.node}; load average ${m.loadAtStart.toFixed(1)} at start, ${m.loadAtEnd.toFixed(1)} at end${busy ? ` (ABOVE ${m.cores} cores: other processes competed for the CPU, absolute times are inflated; paired with/without figures less so)` : ''}`;
}

export function markdown(report: Report): string {
  const over = report.lines.filter((l) => l.verdict === 'OVER');
  return [
    '# Claim Lens performance benchmark',
    '',
    `- ${report.machine.date}; ${machineLine(report.machine)}`,
    `- Bench wall time ${report.durationS.toFixed(0)} s`,
    ...report.notes.map((n) => `- ${n}`),
    '',
    `**${report.lines.filter((l) => l.verdict === 'PASS').length} PASS, ${over.length} OVER.**`,
    '',
    markdownTable(report.lines),
    '',
  ].join('\n');
}

/** The table for the terminal: one row per line, notes left to the markdown report. */
export function consoleTable(lines: Line[]): string {
  const rows = lines.map((l) => [
    l.goal,
    l.label.length > 78 ? `${l.label.slice(0, 77)}…` : l.label,
    String(l.n),
    fmt(l.median, l.unit),
    fmt(l.p95, l.unit),
    l.budget === undefined ? '—' : `${fmt(l.budget, l.unit)} ${l.judge}`,
    ratio(l.judge === 'median' ? l.median : l.p95, l.budget),
    l.verdict,
  ]);
  const head = ['goal', 'what', 'N', 'median', 'p95', 'budget', 'ratio', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmtRow = (r: string[]) =>
    r.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmtRow(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmtRow)].join('\n');
}
