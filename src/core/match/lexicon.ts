import { termWords, wordMatches } from './normalize';

/**
 * One shared vocabulary of ways articles say the same thing, instead of one-off paraphrases per claim.
 * When a claim's term is one of a group's words, every other word of that group matches too: a claim
 * written with "release" also matches "unveil", "debut" and "roll out". Groups hold words that are
 * interchangeable in a claim about a model; a word belongs to one group only.
 */
const SYNONYM_GROUPS: string[][] = [
  // bringing a model out; base forms also match their inflections ("launch" matches "launched")
  ['release', 'launch', 'unveil', 'debut', 'ship', 'introduce', 'roll out', 'make available', 'go live'],
  // the same, only as something that already happened
  [
    'released',
    'launched',
    'unveiled',
    'debuted',
    'shipped',
    'introduced',
    'rolled out',
    'came out',
    'arrived',
    'went live',
    'made available',
    'dropped',
  ],
  ['expect', 'anticipate', 'slated', 'set to', 'poised to', 'planned'],
  // a point in February
  ['mid february', 'middle of february', 'mid feb', 'mid to late february', 'second half of february'],
  ['lunar new year', 'chinese new year', 'spring festival'],
  // size
  ['parameter', 'params', 'weights count'],
  ['active', 'activated', 'activate', 'engaged', 'used per token', 'per token'],
  ['context', 'context window', 'context length', 'token window', 'prompt length'],
  ['token', 'tokens'],
  // memory and attention
  ['kv cache', 'key value cache', 'key-value cache', 'kv-cache'],
  ['memory', 'ram', 'vram'],
  [
    'multimodal',
    'multi modal',
    'multi-modal',
    'multimodality',
    'images and video',
    'image and video',
    'video and images',
    'text and images',
    'text and image',
    'images and audio',
  ],
  ['image', 'picture', 'photo', 'visual'],
  ['video', 'clip', 'clips'],
  ['generate', 'generation', 'create', 'produce'],
  // soon
  ['imminent', 'on the verge of', 'any day now', 'within days', 'in the coming days', 'very soon'],
  // reasoning modes
  ['thinking mode', 'think mode', 'reasoning mode', 'reasoning modes', 'reasoning effort', 'effort level'],
  // programming
  ['coding', 'programming', 'software development'],
  // a date or window going by without the event
  [
    'pass',
    'passed',
    'come and gone',
    'came and went',
    'slipped',
    'missed',
    "didn't happen",
    'did not happen',
  ],
  // a name or product ending
  [
    'retire',
    'deprecate',
    'sunset',
    'discontinue',
    'phase out',
    'shut down',
    'switch off',
    'turn off',
    'stop working',
    'be disabled',
    'end of life',
  ],
  // a model's main purpose
  ['primarily', 'mainly', 'chiefly', 'predominantly', 'first and foremost', 'all in on', 'going all in'],
  // hardware support
  [
    'support',
    'run on',
    'runs on',
    'running on',
    'runs natively on',
    'run inference on',
    'runs inference on',
    'inference on',
    'compatible with',
    'compatibility with',
    'optimized for',
    'optimised for',
    'adapted to',
    'adapted for',
  ],
  // chips
  ['chip', 'chips', 'accelerator', 'accelerators', 'processor', 'processors'],
  ['ascend', 'huawei ascend'],
  // licence
  [
    'open weights',
    'open weight',
    'open source',
    'open-source',
    'openly released',
    'weights released',
    'weights on hugging face',
  ],
  ['licence', 'license', 'licensed'],
  // quality words
  ['top tier', 'top-tier', 'state of the art', 'frontier', 'best in class', 'world class', 'leading'],
  ['beat', 'beats', 'outperform', 'surpass', 'edge out'],
  // standing against a rival
  ['compete', 'rival', 'on par with', 'comparable to', 'head to head', 'neck and neck', 'go up against'],
  ['cheap', 'cheaper', 'low cost', 'lower cost', 'inexpensive', 'affordable', 'fraction of the cost'],
  ['price', 'pricing', 'cost', 'costs'],
];

/**
 * Fixed names whose words mean something else on their own: the "window" of a context window is not a
 * release window, the "experts" of a mixture-of-experts say nothing about how many experts there are, and
 * the "Code" of Claude Code names a tool. A
 * claim's term that is only one word of such a name is not found there (the whole name still is).
 */
const COMPOUND_NAMES: string[][] = [
  'context window',
  'token window',
  'context length',
  'mixture of experts',
  'time to first token',
  // tools named after code: their "code" says nothing about a model's coding
  'claude code',
  'vs code',
  'visual studio code',
].map(termWords);

/** Whether the words at `at` (`length` of them) are only part of one of the fixed names above. */
export function insideCompoundName(words: string[], at: number, length: number): boolean {
  for (const name of COMPOUND_NAMES) {
    if (name.length <= length) continue;
    for (let start = Math.max(0, at + length - name.length); start <= at; start++) {
      if (name.every((w, k) => words[start + k] !== undefined && wordMatches(words[start + k]!, w)))
        return true;
    }
  }
  return false;
}

const LOOKUP = new Map<string, string[][]>();
for (const group of SYNONYM_GROUPS) {
  const forms = group.map(termWords).filter((w) => w.length > 0);
  for (const form of forms) LOOKUP.set(form.join(' '), forms);
}

/** The term and every other way the lexicon knows of saying it, as word lists. */
export function expandTerm(words: string[]): string[][] {
  const variants = LOOKUP.get(words.join(' '));
  if (!variants) return [words];
  const seen = new Set<string>([words.join(' ')]);
  const out = [words];
  for (const v of variants) {
    const key = v.join(' ');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
