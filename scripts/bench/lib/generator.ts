/**
 * Deterministic generator of a synthetic article archive (pure: no file system). Article i depends only on the
 * seed, i and the articles before it (internal links, unique titles and slugs), so the 1,000-article archive is
 * the first 1,000 articles of the 10,000-article one.
 */
import { createRng, mixSeed, type Rng } from './prng.ts';
import * as V from './vocabulary.ts';

export interface DistroInfo {
  id: string;
  name: string;
  family?: string;
  website?: string;
}

export interface ArchiveRefs {
  authors: readonly string[];
  distros: readonly DistroInfo[];
  topics: readonly string[];
  series: readonly string[];
}

export interface Source {
  title: string;
  url: string;
  publisher: string;
  date?: string;
}

/** Front matter as it is written (dates as YYYY-MM-DD strings, the way YAML carries them). */
export interface FrontMatter {
  title: string;
  description: string;
  pubDate: string;
  updatedDate?: string;
  authors: string[];
  distros: string[];
  topics: string[];
  type: 'news' | 'analysis' | 'guide' | 'opinion';
  series?: string;
  sources: Source[];
  updates?: { date: string; note: string }[];
}

export interface GeneratedArticle {
  index: number;
  slug: string;
  ext: 'md' | 'mdx';
  frontMatter: FrontMatter;
  body: string;
  /** Words of prose (headings, paragraphs, lists, tables), code and MDX tags excluded. */
  words: number;
}

export interface GeneratorOptions {
  seed: number;
  refs: ArchiveRefs;
  /** Inclusive date range of pubDate, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Share of .mdx articles. */
  mdxShare?: number;
  /** Prose length range in words. */
  minWords?: number;
  maxWords?: number;
}

export const DEFAULTS = { from: '2016-01-01', to: '2026-11-25', mdxShare: 0.1, minWords: 400, maxWords: 1500 } as const;

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parseDay = (s: string) => Date.parse(`${s}T00:00:00Z`);

export function slugify(text: string, max = 80): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.length <= max
    ? s
    : s
        .slice(0, max)
        .replace(/-[^-]*$/, '')
        .replace(/-+$/, '');
}

export const countWords = (text: string) => (text.match(/[A-Za-z0-9][\w.'’-]*/g) ?? []).length;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Per-article vocabulary: a few things the article is "about", reused across its sentences like real text. */
interface Topic {
  d: DistroInfo;
  d2: DistroInfo;
  version: string;
  version2: string;
  component: string;
  pkgs: string[];
  cves: string[];
  arch: string;
  year: number;
  /** The words this article uses, drawn from the word banks with Zipf weights (see zipfSample). */
  vocab: Record<LocalBank, readonly string[]>;
}

/**
 * Word banks an article draws a few words from, and how many. Real text follows Zipf's law: a few words are in
 * almost every article and most are in few. Uniform picks from every bank in every sentence put each word in most
 * articles, so most search queries matched 60 to 90 % of the archive.
 */
export const LOCAL_BANKS = {
  NOUNS: 6,
  ADJECTIVES: 6,
  ADVERBS: 3,
  VERBS_PAST: 6,
  VERBS_BASE: 3,
  TIME_PHRASES: 4,
  COMPONENTS: 4,
  TEAMS: 3,
  AUDIENCES: 3,
} as const;
export type LocalBank = keyof typeof LOCAL_BANKS;

/** Zipf exponent of the word banks: the word of rank r is drawn with probability proportional to 1 / r^s. */
export const ZIPF_S = 1.1;

const cumulative = new Map<string, Float64Array>();
function zipfTable(n: number, s: number): Float64Array {
  const key = `${n}:${s}`;
  let table = cumulative.get(key);
  if (!table) {
    table = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) table[r] = sum += 1 / Math.pow(r + 1, s);
    cumulative.set(key, table);
  }
  return table;
}

/** One element of a list, the element of rank r (list order) drawn with probability ∝ 1 / r^s. */
export function zipfPick<T>(rng: Rng, list: readonly T[], s = ZIPF_S): T {
  const table = zipfTable(list.length, s);
  const x = rng.next() * table[table.length - 1]!;
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return list[lo]!;
}

/** `k` distinct elements drawn with Zipf weights (without replacement). */
export function zipfSample<T>(rng: Rng, list: readonly T[], k: number, s = ZIPF_S): T[] {
  const out = new Set<T>();
  const want = Math.min(k, list.length);
  for (let attempt = 0; out.size < want && attempt < 50 * want; attempt++) out.add(zipfPick(rng, list, s));
  for (const x of list) if (out.size < want) out.add(x);
  return [...out];
}

/** A word of the article's own vocabulary: its first words more often than its last (Zipf within the article). */
const say = (rng: Rng, t: Topic, bank: LocalBank) => zipfPick(rng, t.vocab[bank], 1);

function version(rng: Rng): string {
  const major = rng.int(1, 44);
  return rng.chance(0.6)
    ? `${major}.${rng.int(0, 12)}`
    : rng.chance(0.5)
      ? String(major)
      : `${major}.${rng.int(0, 12)}.${rng.int(0, 30)}`;
}

export function packageName(rng: Rng): string {
  const n = rng.int(2, 3);
  let core = '';
  for (let i = 0; i < n; i++) core += rng.pick(V.SYLLABLES);
  return `${rng.pick(V.PKG_PREFIXES)}${core}${rng.pick(V.PKG_SUFFIXES)}`;
}

function sentence(rng: Rng, t: Topic): string {
  const D = t.d.name;
  const D2 = t.d2.name;
  const comp = () => say(rng, t, 'COMPONENTS');
  const pkg = () => `\`${rng.pick(t.pkgs)}\``;
  const templates: (() => string)[] = [
    () =>
      `${cap(say(rng, t, 'TEAMS'))} ${say(rng, t, 'ADVERBS')} ${say(rng, t, 'VERBS_PAST')} the ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')} for ${D} ${t.version}.`,
    () =>
      `${D} ${t.version} ships ${comp()} ${version(rng)} and ${comp()} ${version(rng)}, up from ${version(rng)} in the previous release.`,
    () => `The ${say(rng, t, 'NOUNS')} of ${D} now covers ${rng.int(2, 15)} years, ${say(rng, t, 'TIME_PHRASES')}.`,
    () =>
      `${rng.pick(V.CONNECTORS)} ${say(rng, t, 'AUDIENCES')} on ${D2} will see the change ${say(rng, t, 'TIME_PHRASES')}.`,
    () =>
      `The update fixes ${t.cves[0]} in ${pkg()}, which ${say(rng, t, 'TEAMS')} rated ${rng.pick(['low', 'moderate', 'important', 'critical'])}.`,
    () =>
      `Support for ${t.arch} was ${say(rng, t, 'VERBS_PAST')} ${say(rng, t, 'TIME_PHRASES')}, a decision that affects ${say(rng, t, 'AUDIENCES')}.`,
    () =>
      `${cap(say(rng, t, 'AUDIENCES'))} who ${say(rng, t, 'VERBS_BASE')} before ${rng.pick(V.MONTHS)} ${t.year} keep the ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')}.`,
    () =>
      `${D} and ${D2} ${rng.pick(['differ', 'agree', 'diverge', 'converge'])} on the ${say(rng, t, 'NOUNS')}, and ${say(rng, t, 'TEAMS')} ${say(rng, t, 'VERBS_PAST')} the details ${say(rng, t, 'TIME_PHRASES')}.`,
    () =>
      `The package ${pkg()} moves from version ${version(rng)} to ${version(rng)}, and ${pkg()} was ${say(rng, t, 'VERBS_PAST')}.`,
    () =>
      `According to ${say(rng, t, 'TEAMS')}, ${rng.int(2, 98)} percent of the ${say(rng, t, 'NOUNS')} is ${say(rng, t, 'ADJECTIVES')} in ${D} ${t.version2}.`,
    () =>
      `${cap(t.component)} ${t.version2} is the ${say(rng, t, 'ADJECTIVES')} default, ${say(rng, t, 'ADVERBS')} replacing ${comp()}.`,
    () =>
      `The ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')} was ${say(rng, t, 'VERBS_PAST')} ${say(rng, t, 'TIME_PHRASES')} and ${say(rng, t, 'ADVERBS')} ${say(rng, t, 'VERBS_PAST')} again in ${rng.pick(V.MONTHS)}.`,
    () =>
      `Users are asked to ${say(rng, t, 'VERBS_BASE')} ${pkg()} and ${say(rng, t, 'VERBS_BASE')} the ${say(rng, t, 'NOUNS')} before moving to ${t.version}.`,
    () =>
      `${rng.pick(V.CONNECTORS)} the ${say(rng, t, 'NOUNS')} remains ${say(rng, t, 'ADJECTIVES')} for ${say(rng, t, 'AUDIENCES')} and ${say(rng, t, 'AUDIENCES')}.`,
    () =>
      `The mirrors carry ${rng.int(2, 90) * 1000} packages for ${t.arch}, about ${rng.int(100, 4000)} more than ${D} ${version(rng)}.`,
    () =>
      `${say(rng, t, 'TIME_PHRASES').replace(/^./, (c) => c.toUpperCase())}, ${say(rng, t, 'TEAMS')} ${say(rng, t, 'VERBS_PAST')} ${t.cves[1] ?? t.cves[0]} and ${say(rng, t, 'VERBS_PAST')} the fix to ${D} ${version(rng)}.`,
    () =>
      `${D2} ${rng.pick(['follows', 'tracks', 'rebuilds', 'ignores', 'borrows from'])} the ${say(rng, t, 'NOUNS')} of ${D}, so the ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')} reaches it ${say(rng, t, 'TIME_PHRASES')}.`,
    () =>
      `The ${say(rng, t, 'NOUNS')} for ${comp()} ends in ${rng.pick(V.MONTHS)} ${t.year + rng.int(1, 8)}, while ${pkg()} stays until ${t.year + rng.int(2, 10)}.`,
  ];
  return rng.pick(templates)();
}

function paragraph(rng: Rng, t: Topic, links: { text: string; href: string }[]): string {
  const n = rng.int(3, 6);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng, t));
  if (links.length > 0 && rng.chance(0.25)) {
    const l = rng.pick(links);
    out.push(`See also [${l.text}](${l.href}).`);
  }
  if (rng.chance(0.15)) out[0] = out[0]!.replace(/ (\S+) (\S+)\.$/, ' **$1** $2.');
  return out.join(' ');
}

function table(rng: Rng, t: Topic): string {
  if (rng.chance(0.5)) {
    const rows = rng.int(3, 6);
    const lines = ['| Release | Released | Full support ends | End of life |', '| --- | --- | --- | --- |'];
    let year = t.year - rows;
    for (let i = 0; i < rows; i++) {
      year += 1;
      const m = rng.int(1, 12);
      lines.push(
        `| ${t.d.name} ${version(rng)} | ${rng.pick(V.MONTHS)} ${year} | ${V.MONTHS[m - 1]} ${year + rng.int(2, 5)} | ${V.MONTHS[m - 1]} ${year + rng.int(5, 12)} |`,
      );
    }
    return lines.join('\n');
  }
  const rows = rng.int(3, 7);
  const lines = ['| Package | Before | After | Notes |', '| --- | ---: | ---: | --- |'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `| \`${packageName(rng)}\` | ${version(rng)} | ${version(rng)} | ${cap(say(rng, t, 'ADJECTIVES'))} ${say(rng, t, 'NOUNS')} |`,
    );
  }
  return lines.join('\n');
}

function codeBlock(rng: Rng, t: Topic): string {
  const pkgs = t.pkgs.slice(0, 2).join(' ');
  const fam = t.d.family ?? 'independent';
  const choice = rng.int(0, 2);
  if (choice === 0) {
    const cmds: Record<string, string[]> = {
      'red-hat': ['sudo dnf upgrade --refresh', `sudo dnf install ${pkgs}`, 'sudo dnf repolist --enabled'],
      debian: ['sudo apt update', `sudo apt install ${pkgs}`, 'sudo apt full-upgrade'],
      suse: ['sudo zypper refresh', `sudo zypper install ${pkgs}`, 'sudo zypper dup'],
      arch: ['sudo pacman -Syu', `sudo pacman -S ${pkgs}`],
      independent: ['cat /etc/os-release', 'uname -r', `command -v ${t.pkgs[0]}`],
    };
    return ['```bash', ...(cmds[fam] ?? cmds.independent!), '```'].join('\n');
  }
  if (choice === 1) {
    return [
      '```ini',
      `[${t.d.id}-${t.pkgs[0]}]`,
      `name=${t.d.name} ${t.version} - ${t.pkgs[0]}`,
      `baseurl=https://mirror.example.org/${t.d.id}/${t.version}/$basearch/`,
      'enabled=1',
      'gpgcheck=1',
      '```',
    ].join('\n');
  }
  return [
    '```yaml',
    '#cloud-config',
    'package_update: true',
    'packages:',
    ...t.pkgs.slice(0, 3).map((p) => `  - ${p}`),
    '```',
  ].join('\n');
}

function list(rng: Rng, t: Topic): string {
  const n = rng.int(3, 5);
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    items.push(
      `- ${cap(say(rng, t, 'ADJECTIVES'))} ${say(rng, t, 'NOUNS')} for ${say(rng, t, 'COMPONENTS')} ${version(rng)}, ${say(rng, t, 'TIME_PHRASES')}.`,
    );
  }
  return items.join('\n');
}

function callout(rng: Rng, t: Topic): string {
  const type = rng.pick(['note', 'important', 'warning'] as const);
  const title = rng.chance(0.7) ? ` title="${rng.pick(V.NOTE_TITLES)}"` : '';
  return `<Callout type="${type}"${title}>\n${sentence(rng, t)} **${cap(say(rng, t, 'VERBS_BASE'))} first.**\n</Callout>`;
}

function timeline(rng: Rng, t: Topic, pubMs: number, fromMs: number): string {
  const n = rng.int(2, 4);
  const dates: number[] = [];
  for (let i = 0; i < n; i++) dates.push(fromMs + Math.floor(rng.next() * Math.max(1, (pubMs - fromMs) / DAY)) * DAY);
  dates.sort((a, b) => a - b);
  const entries = dates.map(
    (d) =>
      `  <TimelineEntry date="${isoDay(d)}" title="${t.d.name} ${say(rng, t, 'VERBS_PAST')} the ${say(rng, t, 'NOUNS')}">\n  ${sentence(rng, t)}\n  </TimelineEntry>`,
  );
  return `<Timeline>\n${entries.join('\n')}\n</Timeline>`;
}

function title(rng: Rng, t: Topic, type: FrontMatter['type']): string {
  const D = t.d.name;
  const D2 = t.d2.name;
  const byType: Record<FrontMatter['type'], (() => string)[]> = {
    news: [
      () => `${D} ${t.version} released with ${t.component} ${t.version2}`,
      () => `${D} ${say(rng, t, 'VERBS_PAST')} ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')} for ${t.arch}`,
      () => `${D} patches ${t.cves[0]} in ${t.pkgs[0]}`,
      () => `${D} ${t.version} beta brings ${say(rng, t, 'ADJECTIVES')} ${t.component}`,
      () =>
        `${cap(say(rng, t, 'TEAMS').replace(/^the /, ''))} of ${D} ${say(rng, t, 'VERBS_PAST')} the ${say(rng, t, 'NOUNS')}`,
      () => `${D} ends ${t.arch} support in ${t.version}`,
    ],
    analysis: [
      () => `What ${D} ${t.version} changes for ${say(rng, t, 'AUDIENCES')}`,
      () => `Why ${D} is rethinking its ${say(rng, t, 'NOUNS')}`,
      () => `How ${D} and ${D2} differ on the ${say(rng, t, 'NOUNS')}`,
      () => `${D} ${t.version} by the numbers: ${t.component} ${t.version2} and ${t.pkgs[0]}`,
    ],
    guide: [
      () => `How to upgrade from ${D} ${t.version} to ${t.version2}`,
      () => `Migrating ${say(rng, t, 'AUDIENCES')} from ${D} to ${D2} ${t.version}`,
      () => `Setting up ${t.pkgs[0]} on ${D} ${t.version}`,
      () => `Checking the ${say(rng, t, 'NOUNS')} on ${D} ${t.version} before an upgrade`,
    ],
    opinion: [
      () => `${D} should keep its ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')}`,
      () => `The case for a ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')} in ${D}`,
      () => `${D2} users deserve a ${say(rng, t, 'ADJECTIVES')} ${say(rng, t, 'NOUNS')}`,
    ],
  };
  return rng.pick(byType[type])();
}

function dek(rng: Rng, t: Topic): string {
  let s = sentence(rng, t).replace(/`/g, '');
  if (s.length < 50) s += ` ${sentence(rng, t).replace(/`/g, '')}`;
  if (s.length > 300) s = `${s.slice(0, 296).replace(/\s+\S*$/, '')}.`;
  return s;
}

/** State shared across articles of one archive: unique titles and slugs, and earlier articles to link to. */
export interface ArchiveState {
  titles: Set<string>;
  slugs: Set<string>;
  recent: { text: string; href: string }[];
}

export const newArchiveState = (): ArchiveState => ({ titles: new Set(), slugs: new Set(), recent: [] });

export function generateArticle(index: number, opts: GeneratorOptions, state: ArchiveState): GeneratedArticle {
  const o = { ...DEFAULTS, ...opts };
  const rng = createRng(mixSeed(o.seed, index));
  const { refs } = o;
  const fromMs = parseDay(o.from);
  const toMs = parseDay(o.to);
  const pubMs = fromMs + rng.int(0, Math.round((toMs - fromMs) / DAY)) * DAY;
  const pubDate = isoDay(pubMs);
  const year = new Date(pubMs).getUTCFullYear();

  const distros = rng.sample(
    refs.distros,
    rng.weighted([
      [1, 5],
      [2, 3],
      [3, 1],
    ] as const),
  );
  const vocab = {} as Record<LocalBank, readonly string[]>;
  for (const bank of Object.keys(LOCAL_BANKS) as LocalBank[])
    vocab[bank] = zipfSample<string>(rng, V[bank], LOCAL_BANKS[bank]);
  const t: Topic = {
    d: distros[0]!,
    d2: distros[1] ?? rng.pick(refs.distros.length > 1 ? refs.distros.filter((d) => d !== distros[0]) : refs.distros),
    version: version(rng),
    version2: version(rng),
    component: vocab.COMPONENTS[0]!,
    pkgs: Array.from({ length: 4 }, () => packageName(rng)),
    cves: [`CVE-${year}-${rng.int(1000, 49999)}`, `CVE-${Math.max(2016, year - 1)}-${rng.int(1000, 49999)}`],
    arch: zipfPick(rng, V.ARCHES),
    year,
    vocab,
  };
  const type = rng.weighted([
    ['news', 50],
    ['analysis', 20],
    ['guide', 20],
    ['opinion', 10],
  ] as const);
  const ext: 'md' | 'mdx' = rng.chance(o.mdxShare) ? 'mdx' : 'md';

  // Unique title: retry a few times, then add the month and year (still unique by construction with the index).
  let ttl = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    ttl = title(rng, t, type);
    if (ttl.length <= 140 && !state.titles.has(ttl)) break;
  }
  if (ttl.length > 140) ttl = ttl.slice(0, 120).replace(/\s+\S*$/, '');
  if (state.titles.has(ttl)) ttl = `${ttl} (${V.MONTHS[new Date(pubMs).getUTCMonth()]} ${year})`;
  if (state.titles.has(ttl)) ttl = `${ttl}, part ${index + 1}`;
  state.titles.add(ttl);

  let slug = slugify(ttl);
  if (state.slugs.has(slug)) {
    let n = 2;
    while (state.slugs.has(`${slug}-${n}`)) n++;
    slug = `${slug}-${n}`;
  }
  state.slugs.add(slug);

  // Front matter.
  const fm: FrontMatter = {
    title: ttl,
    description: dek(rng, t),
    pubDate,
    authors: rng.sample(refs.authors, rng.chance(0.9) ? 1 : 2),
    distros: distros.map((d) => d.id),
    topics: rng.sample(refs.topics, rng.int(1, 3)),
    type,
    sources: [],
  };
  if (rng.chance(0.15)) fm.updatedDate = isoDay(Math.min(toMs, pubMs + rng.int(1, 60) * DAY));
  if (refs.series.length > 0 && rng.chance(0.05)) fm.series = rng.pick(refs.series);
  const nSources = rng.chance(0.6) ? 1 : 2;
  for (let i = 0; i < nSources; i++) {
    const d = i === 0 ? t.d : t.d2;
    const site = (d.website ?? `https://${d.id}.example.org/`).replace(/^http:/, 'https:').replace(/\/?$/, '/');
    fm.sources.push({
      title: i === 0 ? `${d.name} ${t.version} announcement` : `${d.name} release notes`,
      url: `${site}${i === 0 ? 'news' : 'releases'}/${slugify(`${t.version}-${t.pkgs[i]}`)}/`,
      publisher: d.name,
      ...(rng.chance(0.5) ? { date: pubDate } : {}),
    });
  }
  if (rng.chance(0.08)) {
    fm.updates = [
      {
        date: fm.updatedDate ?? pubDate,
        note: `Corrected the ${say(rng, t, 'NOUNS')} in the ${rng.pick(['table', 'second section', 'timeline', 'introduction'])}.`,
      },
    ];
  }

  // Body: a lead, then sections of paragraphs with a table, a code block, a list and (MDX) components.
  const target = rng.int(o.minWords + 20, o.maxWords - 120);
  const links = state.recent.slice(-40);
  const blocks: string[] = [];
  let words = 0;
  const add = (text: string, prose = true) => {
    blocks.push(text);
    if (prose) words += countWords(text.replace(/`[^`]*`/g, 'x'));
  };
  add(paragraph(rng, t, links));
  add(paragraph(rng, t, links));
  const wantTable = rng.chance(0.6);
  const wantCode = rng.chance(0.5) || type === 'guide';
  const wantList = rng.chance(0.5);
  let section = 0;
  const headings = rng.sample(V.HEADINGS, V.HEADINGS.length);
  while (words < target && section < 40) {
    const h = headings[section % headings.length]!;
    add(`## ${section < headings.length ? h : `${h} (${section})`}`);
    add(paragraph(rng, t, links));
    if (section === 0 && ext === 'mdx') add(callout(rng, t), false);
    if (section === 1 && wantTable) add(table(rng, t));
    if (section === 1 && ext === 'mdx') add(timeline(rng, t, pubMs, Math.max(fromMs, pubMs - 400 * DAY)), false);
    if (section === 2 && wantCode) add(codeBlock(rng, t), false);
    if (section === 2 && wantList) add(list(rng, t));
    if (words < target && rng.chance(0.35)) {
      add(`### ${cap(say(rng, t, 'ADJECTIVES'))} ${say(rng, t, 'NOUNS')} in ${t.d.name} ${version(rng)}`);
      add(paragraph(rng, t, links));
    }
    if (words < target && rng.chance(0.5)) add(paragraph(rng, t, links));
    section++;
  }
  // Trim trailing whole blocks while well over the maximum (a block may overshoot the target).
  while (words > o.maxWords && blocks.length > 3) {
    const last = blocks.pop()!;
    if (!last.startsWith('```') && !last.startsWith('<')) words -= countWords(last.replace(/`[^`]*`/g, 'x'));
  }
  if (/^#{2,3} /.test(blocks[blocks.length - 1]!)) {
    words -= countWords(blocks.pop()!);
  }

  state.recent.push({ text: ttl, href: `/articles/${slug}/` });
  if (state.recent.length > 200) state.recent.splice(0, state.recent.length - 200);
  return { index, slug, ext, frontMatter: fm, body: `${blocks.join('\n\n')}\n`, words };
}

/** Generates `count` articles (index 0..count-1). */
export function generateArchive(count: number, opts: GeneratorOptions): GeneratedArticle[] {
  const state = newArchiveState();
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) out.push(generateArticle(i, opts, state));
  return out;
}

const q = (s: string) => JSON.stringify(s);

/** YAML front matter (a subset of YAML written by hand so quoting is under control) followed by the body. */
export function serializeArticle(a: GeneratedArticle): string {
  const f = a.frontMatter;
  const lines = ['---', `title: ${q(f.title)}`, `description: ${q(f.description)}`, `pubDate: ${f.pubDate}`];
  if (f.updatedDate) lines.push(`updatedDate: ${f.updatedDate}`);
  lines.push(
    `authors: [${f.authors.join(', ')}]`,
    `distros: [${f.distros.join(', ')}]`,
    `topics: [${f.topics.join(', ')}]`,
    `type: ${f.type}`,
  );
  if (f.series) lines.push(`series: ${f.series}`);
  lines.push('sources:');
  for (const s of f.sources) {
    lines.push(`  - title: ${q(s.title)}`, `    url: ${s.url}`, `    publisher: ${q(s.publisher)}`);
    if (s.date) lines.push(`    date: ${s.date}`);
  }
  if (f.updates?.length) {
    lines.push('updates:');
    for (const u of f.updates) lines.push(`  - date: ${u.date}`, `    note: ${q(u.note)}`);
  }
  lines.push('---', '');
  return `${lines.join('\n')}\n${a.body}`;
}

/** Appends a paragraph to an article's body (the "one changed article" of a warm build). */
export function touchArticle(a: GeneratedArticle, stamp: string): GeneratedArticle {
  return { ...a, body: `${a.body}\nEdited for the warm benchmark build (${stamp}).\n` };
}
