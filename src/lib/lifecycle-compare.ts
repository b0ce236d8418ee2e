/**
 * Compares the distribution database with endoflife.date's product files (Markdown with YAML front matter, MIT,
 * https://github.com/endoflife-date/endoflife.date). Every difference is reported: a release missing on either
 * side, a date that differs, a date that differs only in the day of the month (one side gives month-level dates),
 * a date one side has and the other does not, and a different latest point release.
 *
 * A difference is *explained* when our data says why: a release we leave out is in the distribution's `unlisted`
 * list; a date (or a missing date) carries an evidence note that mentions endoflife.date; a day-of-month difference
 * has a note saying which day convention we use. Pure functions: the CLI (scripts/lifecycle-compare.ts) and the
 * tests feed them files.
 */
import { parse } from 'yaml';
import type { DistroFile } from './distro-files.ts';
import type { ReleaseFacts } from './lifecycle-facts.ts';

/** A release cycle as endoflife.date writes it. Date fields may be YYYY-MM-DD, or true/false ("yes/no, no date"). */
export interface EolCycle {
  cycle: string;
  releaseDate?: string;
  eoas?: string | boolean;
  eol?: string | boolean;
  eoes?: string | boolean;
  latest?: string;
  latestReleaseDate?: string;
}

export interface EolProduct {
  name: string;
  cycles: EolCycle[];
}

const asDay = (v: unknown): string | boolean | undefined => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
};

/** Parses one product file; throws naming the file when it is not in endoflife.date's format. */
export function parseEolProduct(text: string, file: string): EolProduct {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) throw new Error(`${file}: no YAML front matter (expected endoflife.date's product format: --- … ---)`);
  const data = parse(m[1]!) as { title?: unknown; releases?: unknown };
  if (!Array.isArray(data.releases)) throw new Error(`${file}: front matter has no releases list`);
  return {
    name: String(data.title ?? file),
    cycles: data.releases.map((r: Record<string, unknown>, i) => {
      if (r.releaseCycle === undefined) throw new Error(`${file}: releases[${i}] has no releaseCycle`);
      const c: EolCycle = { cycle: String(r.releaseCycle) };
      for (const k of ['releaseDate', 'eoas', 'eol', 'eoes', 'latestReleaseDate'] as const) {
        const v = asDay(r[k]);
        if (v !== undefined) (c as unknown as Record<string, unknown>)[k] = v;
      }
      if (r.latest !== undefined && r.latest !== null) c.latest = String(r.latest);
      return c;
    }),
  };
}

type EolDateField = 'eoas' | 'eol' | 'eoes';

/**
 * Which endoflife.date product and fields correspond to ours. Their `eol` is the end of the support they count
 * (Debian's security team, Ubuntu's standard support, SUSE's general support), so the mapping differs per product.
 */
export interface ProductMapping {
  product: string;
  supportEnd?: EolDateField;
  eol?: EolDateField;
}

export const PRODUCT_MAP: Record<string, ProductMapping> = {
  almalinux: { product: 'almalinux', supportEnd: 'eoas', eol: 'eol' },
  alpine: { product: 'alpine-linux', eol: 'eol' },
  'centos-linux': { product: 'centos', supportEnd: 'eoas', eol: 'eol' },
  'centos-stream': { product: 'centos-stream', eol: 'eol' },
  debian: { product: 'debian', supportEnd: 'eol', eol: 'eoes' },
  fedora: { product: 'fedora', eol: 'eol' },
  'linux-mint': { product: 'linuxmint', eol: 'eol' },
  nixos: { product: 'nixos', eol: 'eol' },
  'opensuse-leap': { product: 'opensuse', eol: 'eol' },
  'oracle-linux': { product: 'oracle-linux', supportEnd: 'eol', eol: 'eoes' },
  'pop-os': { product: 'pop-os', eol: 'eol' },
  rhel: { product: 'rhel', supportEnd: 'eoas', eol: 'eol' },
  'rocky-linux': { product: 'rocky-linux', supportEnd: 'eoas', eol: 'eol' },
  slackware: { product: 'slackware', eol: 'eol' },
  sles: { product: 'sles', supportEnd: 'eol', eol: 'eoes' },
  ubuntu: { product: 'ubuntu', supportEnd: 'eol', eol: 'eoes' },
};

export type DifferenceKind =
  | 'release missing here'
  | 'release missing on endoflife.date'
  | 'date differs'
  | 'day of month only'
  | 'date missing here'
  | 'date missing on endoflife.date'
  | 'latest differs'
  | 'product file missing';

export interface Difference {
  distro: string;
  version?: string;
  field?: 'released' | 'supportEnd' | 'eol' | 'latest';
  kind: DifferenceKind;
  ours?: string;
  theirs?: string;
  /** Why the difference is expected, from our data; undefined when nothing explains it. */
  explanation?: string;
}

const mentionsEol = (note: string | undefined) => (note && /endoflife\.date/i.test(note) ? note : undefined);
const mentionsDayConvention = (note: string | undefined) =>
  note && /(endoflife\.date|month)/i.test(note) ? note : undefined;

/** Our version and their cycle name for the same release ("lmde7" there is "LMDE 7" here). */
const sameCycle = (ours: string, theirs: string) =>
  ours.toLowerCase().replace(/\s+/g, '') === theirs.toLowerCase().replace(/\s+/g, '');

function compareDate(
  d: DistroFile,
  r: ReleaseFacts<string>,
  field: 'released' | 'supportEnd' | 'eol',
  theirs: string | boolean | undefined,
  theirField: string,
): Difference | undefined {
  const ours = r[field];
  const note = r.evidence?.[field]?.note;
  const base = { distro: d.id, version: r.version, field };
  const label = `${theirField}: ${String(theirs)}`;
  if (typeof theirs !== 'string') {
    if (ours === undefined) return undefined;
    return {
      ...base,
      kind: 'date missing on endoflife.date',
      ours,
      ...(theirs === undefined ? {} : { theirs: label }),
      explanation: mentionsEol(note),
    };
  }
  if (ours === undefined) {
    return { ...base, kind: 'date missing here', theirs: label, explanation: mentionsEol(note) };
  }
  if (ours === theirs) return undefined;
  const dayOnly = ours.slice(0, 7) === theirs.slice(0, 7);
  return {
    ...base,
    kind: dayOnly ? 'day of month only' : 'date differs',
    ours,
    theirs: label,
    explanation: dayOnly ? mentionsDayConvention(note) : mentionsEol(note),
  };
}

/** Every difference between our distributions and endoflife.date's products (keyed by product file name). */
export function compareLifecycles(
  distros: readonly DistroFile[],
  products: ReadonlyMap<string, EolProduct>,
): Difference[] {
  const out: Difference[] = [];
  for (const d of distros) {
    const map = PRODUCT_MAP[d.id];
    if (!map) continue;
    const product = products.get(map.product);
    if (!product) {
      out.push({ distro: d.id, kind: 'product file missing', theirs: `${map.product}.md` });
      continue;
    }
    const unlistedNote = (v: string) => d.unlisted.find((u) => u.versions.some((x) => sameCycle(x, v)))?.note;
    for (const c of product.cycles) {
      if (!d.releases.some((r) => sameCycle(r.version, c.cycle))) {
        out.push({
          distro: d.id,
          version: c.cycle,
          kind: 'release missing here',
          theirs: c.releaseDate ?? '',
          explanation: unlistedNote(c.cycle),
        });
      }
    }
    for (const r of d.releases) {
      const c = product.cycles.find((x) => sameCycle(r.version, x.cycle));
      if (!c) {
        out.push({
          distro: d.id,
          version: r.version,
          kind: 'release missing on endoflife.date',
          ours: r.released,
          explanation: mentionsEol(r.evidence?.released?.note),
        });
        continue;
      }
      const diffs = [
        compareDate(d, r, 'released', c.releaseDate, 'releaseDate'),
        map.supportEnd ? compareDate(d, r, 'supportEnd', c[map.supportEnd], map.supportEnd) : undefined,
        map.eol ? compareDate(d, r, 'eol', c[map.eol], map.eol) : undefined,
      ];
      out.push(...diffs.filter((x): x is Difference => x !== undefined));
      const note = mentionsEol(r.evidence?.latest?.note);
      const ours = r.latest === undefined ? undefined : `${r.latest}${r.latestDate ? ` (${r.latestDate})` : ''}`;
      const theirs =
        c.latest === undefined ? undefined : `${c.latest}${c.latestReleaseDate ? ` (${c.latestReleaseDate})` : ''}`;
      // endoflife.date repeats the cycle as its own "latest" for distributions without point releases (Fedora).
      const trivial = c.latest === c.cycle && c.latestReleaseDate === c.releaseDate;
      if (ours === undefined && theirs !== undefined && !trivial) {
        out.push({
          distro: d.id,
          version: r.version,
          field: 'latest',
          kind: 'date missing here',
          theirs,
          explanation: note,
        });
      } else if (ours !== undefined && theirs === undefined) {
        out.push({
          distro: d.id,
          version: r.version,
          field: 'latest',
          kind: 'date missing on endoflife.date',
          ours,
          explanation: note,
        });
      } else if (ours !== undefined && theirs !== undefined && ours !== theirs) {
        // A latest without a day here (the project's page names the point release only) matches on the version.
        if (!(r.latestDate === undefined && r.latest === c.latest)) {
          out.push({
            distro: d.id,
            version: r.version,
            field: 'latest',
            kind: 'latest differs',
            ours,
            theirs,
            explanation: note,
          });
        }
      }
    }
  }
  return out;
}

/** One line per difference, grouped by distribution, explained ones with their reason. */
export function formatDifferences(diffs: readonly Difference[]): string {
  const lines: string[] = [];
  let current = '';
  for (const x of diffs) {
    if (x.distro !== current) {
      current = x.distro;
      lines.push(`${x.distro}:`);
    }
    const what = [x.version, x.field].filter(Boolean).join(' ');
    const values = [
      x.ours !== undefined ? `here ${x.ours}` : '',
      x.theirs !== undefined ? `endoflife.date ${x.theirs}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${x.explanation ? 'explained  ' : 'UNEXPLAINED'} ${what ? `${what}: ` : ''}${x.kind}${values ? ` (${values})` : ''}${x.explanation ? `\n               why: ${x.explanation}` : ''}`,
    );
  }
  const unexplained = diffs.filter((x) => !x.explanation).length;
  lines.push(`${diffs.length} difference(s), ${diffs.length - unexplained} explained, ${unexplained} unexplained`);
  return lines.join('\n');
}
