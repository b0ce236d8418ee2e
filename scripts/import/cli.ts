/**
 * `npm run import -- --from wordpress|jekyll|hugo <path> [--prefix NAME] [--uploads DIR] [--origin URL] [--force]`
 * Converts an archive into content/articles/<prefix>/ and prints the report (also written to
 * content/imports/<prefix>/report.md). Exit code 0 even when posts need a human: the report lists them.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { contentDir } from '../../src/site.config.ts';
import { runImport, reportMarkdown } from './import.ts';
import { SOURCE_KINDS, type SourceKind } from './types.ts';
import { slugify } from './slug.ts';

const HELP = `npm run import -- --from <wordpress|jekyll|hugo> <path> [options]

  <path>            WordPress: the export file (WXR .xml); Jekyll: the site folder or its _posts;
                    Hugo: the content/ folder (a hugo.toml/config.* beside it gives the old address)
  --prefix NAME     folder and URL segment for the imported articles (default: the source kind)
  --uploads DIR     WordPress wp-content/uploads folder: local images are copied along
  --origin URL      the old site's address when the source does not say it (https://old.example)
  --content DIR     content tree to write into (default: CONTENT_DIR or ./content)
  --date YYYY-MM-DD import date recorded in provenance (default: today, UTC)
  --force           overwrite articles edited since the last import
  --json            print the report as JSON
`;

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      prefix: { type: 'string' },
      uploads: { type: 'string' },
      origin: { type: 'string' },
      content: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const from = values.from as SourceKind | undefined;
  if (!from || !SOURCE_KINDS.includes(from) || positionals.length !== 1) {
    process.stderr.write(
      `${!from || !SOURCE_KINDS.includes(from) ? `--from must be one of ${SOURCE_KINDS.join(', ')}` : 'give exactly one archive path'}\n\n${HELP}`,
    );
    return 2;
  }
  const prefix = values.prefix ?? from;
  if (slugify(prefix) !== prefix) {
    process.stderr.write(
      `--prefix must be lower-case letters, digits and hyphens (e.g. ${slugify(prefix) || 'archive'})\n`,
    );
    return 2;
  }
  const today = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    process.stderr.write('--date must be YYYY-MM-DD\n');
    return 2;
  }
  // npm runs scripts from the package root; paths on the command line are relative to where npm was called.
  const here = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);
  const started = performance.now();
  const report = runImport({
    from,
    input: here(positionals[0] ?? ''),
    contentDir: values.content ? here(values.content) : contentDir(process.env),
    prefix,
    uploads: values.uploads ? here(values.uploads) : undefined,
    origin: values.origin,
    today,
    force: values.force,
  });
  const ms = Math.round(performance.now() - started);
  if (values.json) process.stdout.write(`${JSON.stringify({ ...report, ms }, null, 2)}\n`);
  else {
    const count = (s: string) => report.imported.filter((i) => i.status === s).length;
    process.stdout.write(reportMarkdown(report));
    process.stdout.write(
      `Imported ${report.imported.length} post(s) in ${ms} ms: ${count('written')} written, ${count('unchanged')} unchanged, ${count('kept-edited')} edited and kept; ${report.skipped.length} skipped; ${report.needsHuman.length} note(s) need a human.\n`,
    );
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  process.stderr.write(`import failed: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
