import { describe, expect, it } from 'vitest';
import { embedFor } from '../../scripts/import/convert/embeds.ts';
import { htmlToMarkdown } from '../../scripts/import/convert/html.ts';
import { cleanProse, rewriteLinks, tidyBlankLines } from '../../scripts/import/convert/markdown.ts';
import {
  convertHugoShortcodes,
  convertLiquid,
  parseArgs,
  type Note,
  type TagContext,
} from '../../scripts/import/convert/shortcodes.ts';
import { splitFrontMatter } from '../../scripts/import/sources/front-matter.ts';
import { expandPermalink } from '../../scripts/import/sources/jekyll.ts';
import { expandHugoPermalink, readHugo } from '../../scripts/import/sources/hugo.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate, editedSinceImport, articleText, pathKey } from '../../scripts/import/import.ts';
import { slugify } from '../../scripts/import/slug.ts';
import { clampDek } from '../../scripts/import/text.ts';

const ctx = (posts: Record<string, string> = {}): TagContext & { notes: Note[] } => ({
  resolvePost: (ref) => posts[ref],
  title: 'A title',
  notes: [],
});

describe('embeds', () => {
  it('recognises YouTube ids and URLs, Vimeo, X posts and gists', () => {
    expect(embedFor('dQw4w9WgXcQ')?.url).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(embedFor('https://youtu.be/abcDEF123')?.url).toBe('https://www.youtube.com/watch?v=abcDEF123');
    expect(embedFor('//www.youtube-nocookie.com/embed/abcDEF123?rel=0')?.url).toBe(
      'https://www.youtube.com/watch?v=abcDEF123',
    );
    expect(embedFor('https://player.vimeo.com/video/12345')?.url).toBe('https://vimeo.com/12345');
    expect(embedFor('https://twitter.com/someone/status/42')?.url).toBe('https://x.com/someone/status/42');
    expect(embedFor('https://example.org/page')).toBeUndefined();
  });
});

describe('Liquid', () => {
  it('turns highlight blocks into fenced code, keeps raw blocks and drops comments', () => {
    const c = ctx();
    const out = convertLiquid(
      '{% highlight bash linenos %}\necho "{% raw %}{{ x }}{% endraw %}"\n{% endhighlight %}\n{% comment %}secret{% endcomment %}ok',
      c,
    );
    expect(out).toContain('```bash\necho "{{ x }}"\n```');
    expect(out).not.toContain('secret');
    expect(out.trim().endsWith('ok')).toBe(true);
  });

  it('resolves post_url, drops site.baseurl and reports unknown tags', () => {
    const c = ctx({ '2019-05-02-second': '/articles/jekyll/second/' });
    const out = convertLiquid(
      '[a]({% post_url 2019-05-02-second %}) ![b]({{ site.baseurl }}/x.png) {% if x %}y{% endif %}',
      c,
    );
    expect(out).toContain('[a](/articles/jekyll/second/)');
    expect(out).toContain('![b](/x.png)');
    expect(c.notes.map((n) => n.class)).toEqual(['liquid', 'liquid']);
  });

  it('turns video includes into link cards and reports other includes', () => {
    const c = ctx();
    const out = convertLiquid('{% include youtube.html id="abcDEF123" %}\n{% include footer.html %}', c);
    expect(out).toContain('<aside class="embed-card">');
    expect(out).toContain('(https://www.youtube.com/watch?v=abcDEF123)');
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]?.message).toContain('footer.html');
  });
});

describe('embeds inside running text stay links; only an embed alone in its paragraph becomes a card', () => {
  const card = (md: string) => md.match(/<aside class="embed-card">/g)?.length ?? 0;

  it('Liquid includes', () => {
    const alone = convertLiquid('Intro.\n\n{% include youtube.html id="abcDEF123" %}\n\nAfter.', ctx());
    expect(card(alone)).toBe(1);
    const inline = convertLiquid(
      'The talk ({% include youtube.html id="abcDEF123" %}) and {% include tweet.html url="https://twitter.com/desk/status/42" %} agree.',
      ctx(),
    );
    expect(card(inline)).toBe(0);
    expect(inline).toBe(
      'The talk ([youtube.com/watch?v=abcDEF123](https://www.youtube.com/watch?v=abcDEF123)) and [@desk on X](https://x.com/desk/status/42) agree.',
    );
  });

  it('Hugo shortcodes', () => {
    expect(card(convertHugoShortcodes('A.\n\n{{< youtube abcDEF123 >}}\n\nB.', ctx()))).toBe(1);
    const inline = convertHugoShortcodes('As {{< tweet user="desk" id="42" >}} said,\nit shipped.', ctx());
    expect(inline).toBe('As [@desk on X](https://x.com/desk/status/42) said,\nit shipped.');
  });

  it('WordPress shortcodes and iframes', () => {
    const alone = htmlToMarkdown('Intro.\n\n[embed]https://youtu.be/abcDEF123[/embed]\n\nAfter.', ctx());
    expect(card(alone)).toBe(1);
    const inline = htmlToMarkdown(
      'Watch [embed]https://youtu.be/abcDEF123[/embed] first.\n\n<p>Or <iframe src="https://player.vimeo.com/video/12345"></iframe> here.</p>\n\n<p><iframe src="https://www.youtube.com/embed/zyxWVU987"></iframe></p>',
      ctx(),
    );
    expect(card(inline)).toBe(1);
    expect(inline).toContain('Watch [youtube.com/watch?v=abcDEF123](https://www.youtube.com/watch?v=abcDEF123) first.');
    expect(inline).toContain('Or [vimeo.com/12345](https://vimeo.com/12345) here.');
    expect(inline).toContain(
      'Video on YouTube: [youtube.com/watch?v=zyxWVU987](https://www.youtube.com/watch?v=zyxWVU987)',
    );
  });

  it('raw iframes in Markdown', () => {
    const notes: Note[] = [];
    const out = rewriteLinks(
      'See <iframe src="https://www.youtube.com/embed/abcDEF123"></iframe> now.\n\n<div>Also <iframe src="https://vimeo.com/777"></iframe></div>\n\n<iframe src="https://www.youtube.com/embed/zyxWVU987"></iframe>\n',
      { rewrite: (u) => u, notes },
    );
    expect(out).toBe(
      'See [youtube.com/watch?v=abcDEF123](https://www.youtube.com/watch?v=abcDEF123) now.\n\n<div>Also <a href="https://vimeo.com/777">vimeo.com/777</a></div>\n\n' +
        '<aside class="embed-card">\n\nVideo on YouTube: [youtube.com/watch?v=zyxWVU987](https://www.youtube.com/watch?v=zyxWVU987)\n\n</aside>\n',
    );
    expect(notes).toEqual([]);
  });
});

describe('Hugo shortcodes', () => {
  it('converts figure, youtube, ref and highlight; reports unknown ones', () => {
    const c = ctx({ 'posts/b.md': '/articles/hugo/b/' });
    const out = convertHugoShortcodes(
      '{{< figure src="/i.png" alt="Chart" caption="Cap" >}}\n{{< youtube abcDEF123 >}}\n[b]({{< ref "posts/b.md" >}})\n{{< highlight go >}}\nfmt.Println()\n{{< /highlight >}}\n{{< weird >}}',
      c,
    );
    expect(out).toContain('![Chart](/i.png)\n\n*Cap*');
    expect(out).toContain('watch?v=abcDEF123');
    expect(out).toContain('[b](/articles/hugo/b/)');
    expect(out).toContain('```go\nfmt.Println()\n```');
    expect(c.notes.map((n) => n.class)).toEqual(['shortcode']);
  });

  it('parses shortcode arguments, named and positional', () => {
    expect(parseArgs(`a="1 2" b='3' c=4 "five" six`)).toEqual({
      named: { a: '1 2', b: '3', c: '4' },
      positional: ['five', 'six'],
    });
  });
});

describe('WordPress HTML', () => {
  it('adds paragraphs, converts captions, code shortcodes, tables and embeds', () => {
    const c = ctx();
    const md = htmlToMarkdown(
      'First line\nsecond line\n\n[caption id="x" width="10"]<img src="/a.png" alt="A"> The caption[/caption]\n\n[code lang="bash"]ls -l[/code]\n\n<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>\n\nhttps://youtu.be/abcDEF123\n\n<script>x()</script>',
      c,
    );
    expect(md).toContain('First line  \nsecond line');
    expect(md).toContain('![A](/a.png)\n\n*The caption*');
    expect(md).toContain('```bash\nls -l\n```');
    expect(md).toContain('| A |\n| --- |\n| 1 |');
    expect(md).toContain(
      'Video on YouTube: [youtube.com/watch?v=abcDEF123](https://www.youtube.com/watch?v=abcDEF123)',
    );
    expect(md).not.toContain('x()');
    expect(c.notes.map((n) => n.class)).toContain('raw-html');
  });

  it('keeps square brackets that are not shortcodes', () => {
    expect(htmlToMarkdown('<p>See note [1] and [sic].</p>', ctx())).toContain('See note \\[1\\] and \\[sic\\].');
  });
});

describe('prose clean-up', () => {
  it('removes kramdown IALs and heading ids, converts emoji codes, never inside code', () => {
    const notes: Note[] = [];
    const out = cleanProse(
      '* TOC\n{:toc}\n\n[x](/y){:target="_blank"} :tada:\n{: .note}\n\n## Head {#id}\n\n`:tada: {:a}`\n',
      notes,
    );
    expect(out).not.toContain('TOC');
    expect(out).toContain('[x](/y) 🎉');
    expect(out).toContain('## Head\n');
    expect(out).toContain('`:tada: {:a}`');
    expect(out).not.toContain('{: .note}');
  });

  it('leaves rsync host::module/path text alone', () => {
    const src = 'Use mirror.example.org::debian/pool and rsync://mirror.example.org/debian/.\n';
    expect(cleanProse(src, [])).toBe(src);
  });

  it('collapses runs of blank lines outside code only', () => {
    expect(tidyBlankLines('a\n\n\n\nb\n```\nx\n\n\n\ny\n```\n')).toBe('a\n\nb\n```\nx\n\n\n\ny\n```\n');
  });
});

describe('link rewriting', () => {
  const rewrite = (url: string, kind: 'link' | 'image') =>
    url === '/old/'
      ? '/articles/p/new/'
      : url.startsWith('//')
        ? `https:${url}`
        : kind === 'image' && url === 'a.png'
          ? './media/a.png'
          : url;

  it('rewrites Markdown links, images, definitions and raw HTML alike', () => {
    const notes: Note[] = [];
    const out = rewriteLinks(
      '[a](/old/) ![i](//cdn.example.net/x.png) [ref][r]\n\n[r]: /old/\n\n<a href="/old/">raw</a> <img src="//cdn.example.net/y.png">\n',
      { rewrite, notes },
    );
    expect(out).toBe(
      '[a](/articles/p/new/) ![i](https://cdn.example.net/x.png) [ref][r]\n\n[r]: /articles/p/new/\n\n<a href="/articles/p/new/">raw</a> <img src="https://cdn.example.net/y.png">\n',
    );
    expect(notes.map((n) => n.class)).toEqual(['missing-alt']);
  });

  it('turns a lone local raw image into a Markdown image so Astro processes it', () => {
    const notes: Note[] = [];
    expect(rewriteLinks('Text <img src="a.png" alt="Chart"> more\n', { rewrite, notes })).toBe(
      'Text ![Chart](./media/a.png) more\n',
    );
  });

  it('replaces iframes of known embeds by a link card and drops others with a note', () => {
    const notes: Note[] = [];
    const out = rewriteLinks(
      '<iframe src="https://www.youtube.com/embed/abcDEF123"></iframe>\n\n<iframe src="https://maps.example.org/x"></iframe>\n',
      { rewrite, notes },
    );
    expect(out).toContain('embed-card');
    expect(out).not.toContain('maps.example.org');
    expect(notes.map((n) => n.class)).toEqual(['embed']);
  });
});

describe('helpers', () => {
  it('accepts only real calendar dates', () => {
    expect(calendarDate('2019-03-04 10:00:00')).toBe('2019-03-04');
    expect(calendarDate('2019-02-30')).toBeUndefined();
    expect(calendarDate('0000-00-00 00:00:00')).toBeUndefined();
    expect(calendarDate(undefined)).toBeUndefined();
  });

  it('compares old paths without slash, index.html, encoding or case', () => {
    expect(pathKey('/2019/06/%C3%A9t%C3%A9/')).toBe(pathKey('/2019/06/été'));
    expect(pathKey('/a/index.html')).toBe('/a');
  });

  it('expands Jekyll permalinks (styles and patterns)', () => {
    const post = { date: '2019-05-01', title: 'T', slug: 'my-post', categories: ['Debian News'], ext: '.html' };
    expect(expandPermalink('date', post)).toBe('/debian-news/2019/05/01/my-post.html');
    expect(expandPermalink('pretty', { ...post, categories: [] })).toBe('/2019/05/01/my-post/');
    expect(expandPermalink('/:year/:title/', post)).toBe('/2019/my-post/');
  });

  it('makes ASCII slugs from any title', () => {
    expect(slugify('Été : notes de version')).toBe('ete-notes-de-version');
    expect(slugify('Überblick')).toBe('uberblick');
    expect(slugify('合成テスト')).toBe('');
  });

  it('clamps a dek to 300 characters at a word boundary', () => {
    const dek = clampDek('word '.repeat(100));
    expect(dek.length).toBeLessThanOrEqual(300);
    expect(dek.endsWith('word…')).toBe(true);
  });

  it('reads YAML, TOML and JSON front matter and reports bad YAML with its line', () => {
    expect(splitFrontMatter('---\ntitle: A\n---\nbody')).toEqual({ ok: true, data: { title: 'A' }, body: 'body' });
    const toml = splitFrontMatter('+++\ntitle = "A"\n+++\nbody');
    expect(toml.ok && toml.data.title).toBe('A');
    const json = splitFrontMatter('{"title": "A"}\nbody');
    expect(json.ok && json.data.title).toBe('A');
    const bad = splitFrontMatter('---\ntitle: "A\nx: [\n---\nbody');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/unreadable YAML front matter \(front matter line \d\)/);
  });

  it('detects an edit to an imported file through its hash', () => {
    const text = articleText({ title: 'T', imported: { from: 'hugo', on: '2026-11-30' } }, 'Body.');
    expect(editedSinceImport(text)).toBe(false);
    expect(editedSinceImport(text.replace('Body.', 'Body, edited.'))).toBe(true);
  });
});

describe('Hugo permalinks', () => {
  const page = {
    date: '2020-02-03T10:00:00+01:00',
    title: 'A Tour of Shortcodes!',
    slug: undefined as string | undefined,
    baseName: 'Shortcode Tour',
    sections: ['posts', 'deep'],
  };
  const path = (pattern: string, p = page) => {
    const r = expandHugoPermalink(pattern, p);
    return 'path' in r ? r.path : `unsupported ${r.unsupported.join(' ')}`;
  };

  it('expands the date tokens from the written date', () => {
    expect(path('/:year/:month/:day/:slug/')).toBe('/2020/02/03/a-tour-of-shortcodes/');
    expect(path('/:monthname/:weekdayname-:weekday/:yearday/')).toBe('/february/monday-1/34/');
    expect(path('/:year/:yearday/', { ...page, date: '2020-12-31' })).toBe('/2020/366/');
  });

  it('expands section, sections, title, slug and the file-name tokens', () => {
    expect(path('/:section/:title/')).toBe('/posts/a-tour-of-shortcodes/');
    expect(path('/:sections/:filename/')).toBe('/posts/deep/shortcode-tour/');
    expect(path('/x/:contentbasename/')).toBe('/x/shortcode-tour/');
    expect(path('/:slugorfilename/')).toBe('/shortcode-tour/');
    expect(path('/:slugorcontentbasename/', { ...page, slug: 'My Slug' })).toBe('/my-slug/');
    expect(path('/:slug/', { ...page, slug: 'My Slug' })).toBe('/my-slug/');
    expect(path(':year/:slug.html')).toBe('/2020/a-tour-of-shortcodes.html');
  });

  it('names the tokens it does not support, and a date token without a date', () => {
    expect(path('/:06/:1/:slug/')).toBe('unsupported :06 :1');
    expect(path('/:sections[1:]/:slug/')).toBe('unsupported :sections[1:]');
    expect(path('/:sectionslug/:slug/')).toBe('unsupported :sectionslug');
    expect(path('/:year/:slug/', { ...page, date: undefined as unknown as string })).toBe(
      'unsupported a date (the post has none)',
    );
  });

  it('reads [permalinks] and [permalinks.page] from the site config and reports what it cannot expand', () => {
    const site = (config: string, name = 'hugo.toml') => {
      const dir = mkdtempSync(join(tmpdir(), 'downstream-hugo-'));
      writeFileSync(join(dir, name), config);
      for (const [section, file] of [
        ['posts', 'first.md'],
        ['notes', 'second.md'],
        ['posts', 'third.md'],
      ] as const) {
        mkdirSync(join(dir, 'content', section), { recursive: true });
        writeFileSync(
          join(dir, 'content', section, file),
          `---\ntitle: ${file.replace('.md', '')} post\ndate: 2021-07-09\n${file === 'third.md' ? 'url: /kept/\n' : ''}---\n\nText.\n`,
        );
      }
      return readHugo(join(dir, 'content'));
    };
    const legacy = site('baseURL = "https://h.example/"\n[permalinks]\nposts = "/:year/:month/:slug/"\n');
    expect(legacy.posts.map((p) => p.path)).toEqual(['/notes/second/', '/2021/07/first-post/', '/kept/']);
    const map = site('permalinks:\n  page:\n    notes: /n/:slugorfilename/\n  section:\n    notes: /n/\n', 'hugo.yaml');
    expect(map.posts.map((p) => p.path)).toEqual(['/n/second/', '/posts/first/', '/kept/']);
    const odd = site('[permalinks]\nposts = "/:06/:slug/"\n');
    expect(odd.posts.map((p) => p.path)).toEqual(['/notes/second/', '/posts/first/', '/kept/']);
    expect(odd.issues).toEqual([
      expect.objectContaining({
        file: 'hugo.toml',
        class: 'permalink',
        message: expect.stringMatching(
          /"\/:06\/:slug\/" of section posts needs :06, .* 1 post\(s\) \(posts\/first\.md\)/,
        ),
      }),
    ]);
    const array = site('[[permalinks]]\npattern = "/:slug/"\n');
    expect(array.issues.map((i) => i.message)).toEqual([expect.stringMatching(/array form/)]);
  });
});
