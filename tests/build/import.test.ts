import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/import/import.ts';
import { article, build, ROOT } from './fixture.ts';

/** The imported-content gates fail a real build: unlisted remote image hosts, and new articles claiming the policy. */
function importedTree(): string {
  const content = join(mkdtempSync(join(tmpdir(), 'downstream-import-gate-')), 'content');
  cpSync(join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  runImport({
    from: 'wordpress',
    prefix: 'wordpress',
    input: join(ROOT, 'tests/fixtures/import/wordpress/export.xml'),
    uploads: join(ROOT, 'tests/fixtures/import/wordpress/uploads'),
    contentDir: content,
    today: '2026-11-20',
    force: false,
  });
  return content;
}

describe('imported content gates', () => {
  it('fails on a remote image host that content/remote-images.yaml does not list, naming file and host', () => {
    const content = importedTree();
    const r = build(content, join(content, '../dist'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(
      /articles\/wordpress\/video-roundup\.md:\d+: <img src="https:\/\/images\.example\.net\/photos\/synthetic-rack\.jpg"> comes from images\.example\.net, which content\/remote-images\.yaml does not list/,
    );
    expect(r.outDirExists).toBe(false);
  });

  it('refuses the relaxed policy to a new article that claims to be imported', () => {
    const content = importedTree();
    writeFileSync(join(content, 'remote-images.yaml'), 'hosts: [images.example.net]\n');
    const fake = article(
      { description: '"Too short."', distros: '[]', topics: '[]', sources: '[]' },
      'A new article pretending to be imported.',
    ).replace('---\n\n', 'imported:\n  from: wordpress\n  on: 2026-11-20\n  hash: 0123456789abcdef\n---\n\n');
    writeFileSync(join(content, 'articles/wordpress/new-story.md'), fake);
    const r = build(content, join(content, '../dist'));
    expect(r.ok).toBe(false);
    expect(r.output).toContain(
      'articles/wordpress/new-story.md: imported: claims an import, but content/imports/wordpress/manifest.json does not list wordpress/new-story',
    );
  });
});
