/** Statistics and the report format of `npm run bench`. */

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

export type Verdict = 'PASS' | 'OVER' | 'info';

export interface Line {
  id: string;
  section: string;
  label: string;
  unit: string;
  /** Samples behind the figure (runs, or runs × repetitions). */
  n: number;
  median: number;
  p95?: number;
  /** Omitted for information-only lines. */
  budget?: number;
  /** Where the budget comes from: the brief, or a default this benchmark sets (and says so). */
  budgetSource?: 'brief' | 'bench';
  /** How the verdict is read, when it is not "p95 (else median) ≤ budget". */
  rule?: string;
  verdict: Verdict;
  note?: string;
}

export function line(
  fields: Omit<Line, 'verdict' | 'median' | 'p95' | 'n'> & {
    samples: number[];
    /** Override of the default verdict (p95, or the median when there is only one sample, ≤ budget). */
    verdict?: Verdict;
    noP95?: boolean;
  },
): Line {
  const { samples, verdict, noP95, ...rest } = fields;
  const med = median(samples);
  const p95 = noP95 || samples.length < 2 ? undefined : percentile(samples, 95);
  const judged = p95 ?? med;
  const auto: Verdict = rest.budget === undefined ? 'info' : judged <= rest.budget ? 'PASS' : 'OVER';
  return { ...rest, n: samples.length, median: med, p95, verdict: verdict ?? auto };
}

function fmt(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs === 0 ? 0 : abs < 0.1 ? 4 : abs < 10 ? 3 : abs < 100 ? 1 : 0;
  return `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
}

function ratio(value: number | undefined, budget: number | undefined): string {
  if (value === undefined || budget === undefined || Number.isNaN(value)) return '—';
  if (budget === 0) return value === 0 ? '0' : '∞';
  const r = value / budget;
  if (r <= 0) return r.toFixed(2);
  return r < 0.01 ? r.toExponential(1) : r.toFixed(r < 1 ? 3 : 2);
}

export interface Machine {
  cpu: string;
  cores: number;
  chromium: string;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the run started and ended; above the core count, figures are noisier. */
  loadAtStart: number;
  loadAtEnd?: number;
}

export interface Report {
  machine: Machine;
  durationS: number;
  notes: string[];
  lines: Line[];
  details: { title: string; markdown: string }[];
}

export function table(lines: Line[]): string {
  const head = [
    '| # | Line | N | median | p95 | budget | median/budget | p95/budget | verdict |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|',
  ];
  const rows = lines.map((l) => {
    const budget =
      l.budget === undefined ? '—' : `${fmt(l.budget, l.unit)}${l.budgetSource === 'bench' ? ' ¹' : ''}`;
    const label = `${l.section}: ${l.label}${l.rule ? ` (${l.rule})` : ''}${l.note ? ` — ${l.note}` : ''}`;
    return `| ${l.id} | ${label} | ${l.n} | ${fmt(l.median, l.unit)} | ${fmt(l.p95, l.unit)} | ${budget} | ${ratio(l.median, l.budget)} | ${ratio(l.p95, l.budget)} | ${l.verdict === 'info' ? 'info' : `**${l.verdict}**`} |`;
  });
  return [...head, ...rows].join('\n');
}

export function markdown(report: Report): string {
  const { machine: m } = report;
  const over = report.lines.filter((l) => l.verdict === 'OVER');
  return [
    '# Claim Lens performance benchmark',
    '',
    `- Date: ${m.date}`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.os}`,
    `- ${m.chromium}; Node ${m.node}`,
    `- Benchmark wall time: ${report.durationS.toFixed(0)} s; 1-minute load average ${m.loadAtStart.toFixed(1)} at start, ${m.loadAtEnd?.toFixed(1) ?? '?'} at end${Math.max(m.loadAtStart, m.loadAtEnd ?? 0) > m.cores ? ` — ABOVE the ${m.cores} cores: other processes competed for the CPU, so absolute times are inflated and noisier (ratios with/without are interleaved and less affected)` : ''}`,
    ...report.notes.map((n) => `- ${n}`),
    '',
    `**${report.lines.filter((l) => l.verdict === 'PASS').length} PASS, ${over.length} OVER** (${over.map((l) => l.id).join(', ') || 'none'}).`,
    '',
    table(report.lines),
    '',
    '¹ Budget set by this benchmark (the brief gives none for this line); see bench/run.ts BUDGETS.',
    'Verdict: PASS when the p95 (the median where there is one figure per run) is within budget, unless the line states another rule.',
    '',
    ...report.details.flatMap((d) => [`## ${d.title}`, '', d.markdown, '']),
  ].join('\n');
}
