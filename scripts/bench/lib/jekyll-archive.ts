/**
 * A seeded, deterministic generator of a quirky Jekyll site for the importer benchmark (`npm run bench -- --only
 * imported`) and its tests. Every post is made-up test data (synthetic writers, example.* hosts); the point is the
 * shape of a real archive left behind by years of Jekyll: Liquid tags, kramdown attribute lists, `:emoji:` codes,
 * links and images written every way (relative, root-relative, protocol-relative, raw HTML, without alt), remote
 * images, embeds alone and inside sentences, WordPress-era caption figures, and broken files (bad YAML, no date,
 * empty), repeated titles and permalinks, unpublished posts and drafts, non-ASCII file names and rsync
 * `host::module/path` text.
 *
 * The plan (`quirkPlan`) says how many posts carry each quirk; the generator assigns exactly that many with the
 * seeded PRNG, and `counts` reports what it wrote so a test can count the files independently.
 */
import { crc32, deflateSync } from 'node:zlib';
import { encodeOpaquePng } from '../../../src/integrations/social-images/binary.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRng, mixSeed, type Rng } from './prng.ts';
import { ADJECTIVES, COMPONENTS, NOUNS, TIME_PHRASES, VERBS_PAST } from './vocabulary.ts';

/** The old site's address, as its _config.yml says. */
export const JEKYLL_ORIGIN = 'https://blog.example.org';
/** Hosts of remote images in the archive (a newsroom would list them in content/remote-images.yaml). */
export const REMOTE_IMAGE_HOSTS = ['images.example.net', 'media.example.com', 'cdn.example.org'] as const;
/** Local images under assets/img/ that root-relative and raw HTML images point at. */
export const LOCAL_IMAGES = ['diagram-1.png', 'diagram-2.png', 'chart-3.png', 'screen-4.png'] as const;

/** File-level quirks are exclusive (a post has at most one); body quirks combine freely. */
export const FILE_QUIRKS = ['badYaml', 'missingDate', 'empty', 'draftFile', 'nonAsciiName'] as const;
export const BODY_QUIRKS = [
  'liquidPostUrl',
  'liquidHighlight',
  'liquidBaseurl',
  'kramdownIal',
  'emoji',
  'relativeLink',
  'rootRelativeLink',
  'protocolRelativeLink',
  'rootRelativeImage',
  'protocolRelativeImage',
  'rawHtmlLink',
  'rawImageNoAlt',
  'remoteImage',
  'embedStandalone',
  'embedInline',
  'captionFigure',
  'rsyncText',
] as const;
/** Front matter quirks (on posts with readable front matter). */
export const META_QUIRKS = ['identicalTitle', 'duplicatePermalink', 'unpublished'] as const;
export type Quirk = (typeof FILE_QUIRKS)[number] | (typeof BODY_QUIRKS)[number] | (typeof META_QUIRKS)[number];

/** How many posts of an archive of `posts` carry each quirk ("a few" scale with the archive, at least 1 or 2). */
export function quirkPlan(posts: number): Record<Quirk, number> {
  if (!Number.isInteger(posts) || posts < 100) throw new Error(`quirky Jekyll archive: at least 100 posts (${posts})`);
  const few = (k: number) => Math.max(1, Math.round((k * posts) / 2000));
  const pairs = (k: number) => 2 * few(k);
  const share = (r: number) => Math.round(r * posts);
  return {
    badYaml: few(6),
    missingDate: few(8),
    empty: few(4),
    draftFile: few(12),
    nonAsciiName: few(20),
    identicalTitle: pairs(5),
    duplicatePermalink: pairs(3),
    unpublished: few(16),
    liquidPostUrl: share(0.1),
    liquidHighlight: share(0.08),
    liquidBaseurl: share(0.05),
    kramdownIal: share(0.15),
    emoji: share(0.1),
    relativeLink: share(0.05),
    rootRelativeLink: share(0.1),
    protocolRelativeLink: share(0.03),
    rootRelativeImage: share(0.04),
    protocolRelativeImage: share(0.02),
    rawHtmlLink: share(0.06),
    rawImageNoAlt: share(0.04),
    remoteImage: share(0.05),
    embedStandalone: share(0.03),
    embedInline: share(0.02),
    captionFigure: share(0.02),
    rsyncText: share(0.03),
  };
}

const WRITERS = [
  'Synthetic Writer One',
  'Synthetic Writer Two',
  'Synthetic Writer Three',
  'synthetic-writer-four',
  'Synthetic Writer Five',
];
/** Old categories and tags: some match Downstream's distributions and topics, others need a human. */
const CATEGORIES = ['Debian', 'Fedora', 'Arch Linux', 'Security', 'Releases', 'Desktop', 'Announcements', 'Misc'];
const TAGS = ['kernel', 'packaging', 'mirrors', 'rsync', 'lifecycle', 'gnome', 'hardware', 'howto', 'ubuntu', 'nixos'];
const EMOJI = [':penguin:', ':tada:', ':rocket:', ':warning:', ':wrench:'];
const NON_ASCII = [
  'überblick',
  'été-des-paquets',
  'año-nuevo',
  'ørsted-notizen',
  'çà-et-là',
  'привет-зеркало',
  '日本語のメモ',
];
const LANGS = ['bash', 'yaml', 'console', 'ini'];

interface PostPlan {
  index: number;
  date: string;
  /** File name stem (date prefix and slug) and folder. */
  folder: '_posts' | '_drafts';
  stem: string;
  slug: string;
  title: string;
  quirks: Set<Quirk>;
  permalink?: string;
}

const an = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const pad = (n: number) => String(n).padStart(2, '0');

function sentence(rng: Rng): string {
  const s = `${rng.pick(TIME_PHRASES)} ${rng.pick(COMPONENTS)} ${rng.pick(VERBS_PAST)} ${an(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`;
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

function paragraph(rng: Rng, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng)).join(' ');
}

/** Exactly `k` distinct indices of `pool`, drawn with the PRNG. */
function draw(rng: Rng, pool: number[], k: number, what: string): number[] {
  if (k > pool.length) throw new Error(`quirky Jekyll archive: ${k} posts for ${what}, only ${pool.length} available`);
  return rng.sample(pool, k);
}

/** A small solid-colour PNG, written by the social images' PNG encoder. */
export function tinyPng(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([...rgb, 255], i);
  const png = encodeOpaquePng(rgba, width, height, (d) => deflateSync(d, { level: 9 }), crc32);
  if (!png) throw new Error('quirky Jekyll archive: the PNG encoder needs a little-endian host');
  return png;
}

export interface JekyllArchive {
  /** Relative path → file content. */
  files: Map<string, string | Uint8Array>;
  /** Posts written (files under _posts/ and _drafts/, broken ones included). */
  posts: number;
  /** How many post files carry each quirk, as written. */
  counts: Record<Quirk, number>;
}

export function generateJekyllArchive(posts: number, seed = 20261130): JekyllArchive {
  const plan = quirkPlan(posts);
  const rng = createRng(mixSeed(seed, 0x6a656b));
  const all = Array.from({ length: posts }, (_, i) => i);

  // File-level quirks: disjoint sets of posts.
  const fileQuirk = new Map<number, Quirk>();
  let free = [...all];
  for (const q of FILE_QUIRKS) {
    for (const i of draw(rng, free, plan[q], q)) fileQuirk.set(i, q);
    free = free.filter((i) => !fileQuirk.has(i));
  }
  const readable = all.filter((i) => fileQuirk.get(i) !== 'badYaml' && fileQuirk.get(i) !== 'empty');
  const withBody = all.filter((i) => fileQuirk.get(i) !== 'empty');
  // Published, dated posts in _posts/ with plain names: what links and post_url tags point at.
  const targets = free.filter((i) => i % 7 !== 3).slice(0, Math.max(20, Math.floor(posts / 4)));

  const quirks = new Map<number, Set<Quirk>>(all.map((i) => [i, new Set<Quirk>()]));
  for (const [i, q] of fileQuirk) quirks.get(i)!.add(q);
  // Meta quirks on readable posts that stay out of the link targets (so every link resolves to one post).
  let metaPool = readable.filter((i) => !targets.includes(i));
  for (const q of META_QUIRKS) {
    const chosen = draw(rng, metaPool, plan[q], q);
    for (const i of chosen) quirks.get(i)!.add(q);
    metaPool = metaPool.filter((i) => !chosen.includes(i));
  }
  for (const q of BODY_QUIRKS) for (const i of draw(rng, withBody, plan[q], q)) quirks.get(i)!.add(q);

  // Dates over many years, titles unique unless the plan repeats them.
  const start = Date.UTC(2008, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const titles = new Set<string>();
  const stems = new Set<string>();
  const plans: PostPlan[] = all.map((i) => {
    const prng = createRng(mixSeed(seed, i + 1));
    const d = new Date(start + Math.floor(prng.next() * span));
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    let title = `${prng.pick(COMPONENTS)} ${prng.pick(VERBS_PAST)} ${an(prng.pick(ADJECTIVES))} ${prng.pick(NOUNS)}`;
    title = `${title.charAt(0).toUpperCase()}${title.slice(1)}`;
    for (let n = 2; titles.has(title); n++) title = `${title.replace(/ \(part \d+\)$/, '')} (part ${n})`;
    titles.add(title);
    const q = quirks.get(i)!;
    let slug = q.has('nonAsciiName')
      ? `${prng.pick(NON_ASCII)}-${i}`
      : title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
    const folder = q.has('draftFile') ? '_drafts' : '_posts';
    let stem = folder === '_drafts' || q.has('missingDate') ? slug : `${date}-${slug}`;
    if (stems.has(`${folder}/${stem}`)) {
      slug = `${slug}-${i}`;
      stem = folder === '_drafts' || q.has('missingDate') ? slug : `${date}-${slug}`;
    }
    stems.add(`${folder}/${stem}`);
    return { index: i, date, folder, stem, slug, title, quirks: q };
  });
  // Identical titles: pairs share the first one's title; duplicate permalinks: pairs share one path.
  const pairUp = (q: Quirk, apply: (a: PostPlan, b: PostPlan, n: number) => void) => {
    const list = plans.filter((p) => p.quirks.has(q));
    for (let k = 0; k + 1 < list.length; k += 2) apply(list[k]!, list[k + 1]!, k / 2);
  };
  pairUp('identicalTitle', (a, b) => {
    b.title = a.title;
  });
  pairUp('duplicatePermalink', (a, b, n) => {
    a.permalink = b.permalink = `/archive/shared-path-${n + 1}/`;
  });

  const byIndex = (i: number) => plans[i]!;
  const oldPath = (p: PostPlan) => `/${p.date.slice(0, 4)}/${p.date.slice(5, 7)}/${p.date.slice(8, 10)}/${p.slug}/`;
  const files = new Map<string, string | Uint8Array>();
  files.set(
    '_config.yml',
    [
      '# Synthetic Jekyll site generated by scripts/bench/lib/jekyll-archive.ts: made-up test data.',
      'title: Synthetic Distro Log (generated archive)',
      `url: ${JEKYLL_ORIGIN}`,
      'baseurl: ""',
      'permalink: /:year/:month/:day/:title/',
      'license: CC BY-SA 4.0',
      'markdown: kramdown',
      '',
    ].join('\n'),
  );
  LOCAL_IMAGES.forEach((name, k) =>
    files.set(`assets/img/${name}`, tinyPng(24, 16, [40 + k * 50, 90, 200 - k * 40] as const)),
  );

  for (const p of plans) {
    const q = p.quirks;
    const prng = createRng(mixSeed(seed ^ 0x5bd1e995, p.index));
    const path = `${p.folder}/${p.stem}.md`;
    if (q.has('empty')) {
      files.set(path, p.index % 2 ? '' : '\n  \n');
      continue;
    }
    const target = () => byIndex(prng.pick(targets.filter((t) => t !== p.index)));
    const fm: string[] = ['---', 'layout: post'];
    if (q.has('badYaml')) {
      // Three ways real front matter breaks: an unclosed quote, a tab indent, a colon in an unquoted value.
      const kind = p.index % 3;
      fm.push(
        kind === 0
          ? `title: "${p.title}`
          : kind === 1
            ? `title: ${p.title}\n\tauthor: ${WRITERS[0]}`
            : `title: ${p.title}: part: two: [unbalanced`,
      );
    } else fm.push(`title: ${JSON.stringify(p.title)}`);
    if (!q.has('missingDate') && !q.has('draftFile'))
      fm.push(
        p.index % 4 === 0 ? `date: ${p.date} ${pad(p.index % 24)}:${pad(p.index % 60)}:00 +0200` : `date: ${p.date}`,
      );
    fm.push(`author: ${prng.pick(WRITERS)}`);
    fm.push(`categories: [${prng.sample(CATEGORIES, prng.int(1, 2)).join(', ')}]`);
    fm.push(`tags: ${prng.sample(TAGS, prng.int(0, 3)).join(' ')}`);
    if (p.index % 3 === 0) fm.push(`description: ${JSON.stringify(paragraph(prng, 2))}`);
    if (p.permalink) fm.push(`permalink: ${p.permalink}`);
    if (q.has('unpublished')) fm.push('published: false');
    fm.push('---', '');

    const blocks: string[] = [paragraph(prng, prng.int(3, 5))];
    const addProse = () => blocks.push(paragraph(prng, prng.int(2, 5)));
    if (q.has('liquidPostUrl')) {
      const t = target();
      blocks.push(`Background is in [an earlier post]({% post_url ${t.stem} %}). ${sentence(prng)}`);
    }
    if (q.has('kramdownIal'))
      blocks.push(`${paragraph(prng, 2)} [Project notes](https://www.example.com/notes/){:target="_blank"}\n{: .note}`);
    if (q.has('emoji')) blocks.push(`${sentence(prng)} ${prng.pick(EMOJI)} ${sentence(prng)}`);
    addProse();
    if (q.has('relativeLink')) {
      const t = target();
      blocks.push(`${sentence(prng)} See [the follow-up](../../../..${oldPath(t)}).`);
    }
    if (q.has('rootRelativeLink')) blocks.push(`${sentence(prng)} More in [this post](${oldPath(target())}).`);
    if (q.has('protocolRelativeLink'))
      blocks.push(`${sentence(prng)} The [mirror list](//mirrors.example.net/list.html) was updated.`);
    if (q.has('liquidBaseurl'))
      blocks.push(`${sentence(prng)} Read [the archive page]({{ site.baseurl }}${oldPath(target())}).`);
    if (q.has('rootRelativeImage'))
      blocks.push(`![Diagram of the ${prng.pick(NOUNS)}](/assets/img/${prng.pick(LOCAL_IMAGES)})`);
    if (q.has('protocolRelativeImage'))
      blocks.push(`![Chart of mirror traffic](//${REMOTE_IMAGE_HOSTS[2]}/charts/traffic-${p.index}.png)`);
    if (q.has('remoteImage'))
      blocks.push(
        `![Screenshot of the ${prng.pick(NOUNS)}](https://${REMOTE_IMAGE_HOSTS[p.index % 2]}/shots/${p.index}.jpg)`,
      );
    if (q.has('rawHtmlLink'))
      blocks.push(`<a href="${oldPath(target())}">An older post on the same subject</a> is still worth reading.`);
    if (q.has('rawImageNoAlt')) blocks.push(`<img src="/assets/img/${prng.pick(LOCAL_IMAGES)}">`);
    if (q.has('captionFigure'))
      blocks.push(
        `<figure class="wp-caption"><img src="https://${REMOTE_IMAGE_HOSTS[0]}/figures/${p.index}.jpg" alt="Rack of test servers"><figcaption>The ${prng.pick(NOUNS)} in ${2008 + (p.index % 18)}.</figcaption></figure>`,
      );
    addProse();
    if (q.has('embedStandalone'))
      blocks.push(
        p.index % 2
          ? `{% include youtube.html id="Synth${String(p.index).padStart(6, '0')}" %}`
          : `<iframe src="https://www.youtube.com/embed/Synth${String(p.index).padStart(6, '0')}"></iframe>`,
      );
    if (q.has('embedInline'))
      blocks.push(
        `${sentence(prng)} The talk (https://www.youtube.com/watch?v=Inline${String(p.index).padStart(5, '0')}) and {% include tweet.html url="https://twitter.com/synthetic_desk/status/${1000000 + p.index}" %} said the same.`,
      );
    if (q.has('liquidHighlight'))
      blocks.push(
        `{% highlight ${prng.pick(LANGS)} %}\n# ${sentence(prng)}\nsudo apt-get install ${prng.pick(TAGS)}\n{% endhighlight %}`,
      );
    if (q.has('rsyncText'))
      blocks.push(
        `Mirror it with \`rsync -av mirror.example.org::synthetic/pool/ /srv/mirror/\`; the module mirror.example.org::synthetic/dists keeps the old layout.`,
      );
    addProse();
    files.set(path, `${fm.join('\n')}\n${blocks.join('\n\n')}\n`);
  }

  const counts = Object.fromEntries(
    [...FILE_QUIRKS, ...BODY_QUIRKS, ...META_QUIRKS].map((k) => [k, plans.filter((p) => p.quirks.has(k)).length]),
  ) as Record<Quirk, number>;
  return { files, posts, counts };
}

/** Writes the archive to `dir` (emptied first). */
export function writeJekyllArchive(dir: string, archive: JekyllArchive): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, content] of archive.files) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
