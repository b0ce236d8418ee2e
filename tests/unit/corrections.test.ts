import { describe, expect, it } from 'vitest';
import { correctionHref, parseCorrections } from '../../src/lib/corrections.ts';
import { SITE } from '../../src/site.config.ts';

const article = {
  title: 'Fedora 44 “Q&A” ships: 50% faster & more?',
  url: 'https://downstream.example/downstream/articles/fedora-44-released/',
};

describe('"Suggest a correction" link', () => {
  it('email: a mailto link whose subject and body name the article, percent-encoded with CRLF line breaks', () => {
    const href = correctionHref(parseCorrections({ email: 'corrections@downstream.example' }), article);
    expect(href.startsWith('mailto:corrections@downstream.example?')).toBe(true);
    // Spaces are %20 (a mail client shows "+" literally), and the characters that would end a field are escaped.
    expect(href).not.toMatch(/\+|#| /);
    expect(href).toContain('subject=Correction%3A%20Fedora%2044%20%E2%80%9CQ%26A%E2%80%9D%20ships%3A%2050%25');
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(query.get('subject')).toBe(`Correction: ${article.title}`);
    expect(query.get('body')).toBe(
      `Article: ${article.title}\r\nAddress: ${article.url}\r\n\r\nWhat is wrong, and the source that shows it:\r\n`,
    );
    expect([...query.keys()]).toEqual(['subject', 'body']);
  });

  it('tracker: the article URL (and a title) in the query parameters the setting names, existing ones kept', () => {
    const href = correctionHref(
      parseCorrections({
        tracker: 'https://github.com/o/r/issues/new?labels=correction',
        urlParam: 'body',
        titleParam: 'title',
      }),
      article,
    );
    const u = new URL(href);
    expect(u.origin + u.pathname).toBe('https://github.com/o/r/issues/new');
    expect(u.searchParams.get('labels')).toBe('correction');
    expect(u.searchParams.get('body')).toBe(article.url);
    expect(u.searchParams.get('title')).toBe(`Correction: ${article.title}`);
  });

  it('tracker without parameters: the bare page (the setting did not say where the URL goes)', () => {
    expect(correctionHref(parseCorrections({ tracker: 'https://bugs.example.org/new' }), article)).toBe(
      'https://bugs.example.org/new',
    );
  });

  it('refuses a bad setting naming the setting, the field and the fix', () => {
    expect(() => parseCorrections({ email: 'not an address' })).toThrow(
      /src\/site\.config\.ts: SITE\.corrections\.email: email must be an address such as/,
    );
    expect(() => parseCorrections({ tracker: 'javascript:alert(1)' })).toThrow(
      /tracker must be an absolute http\(s\) URL/,
    );
    expect(() => parseCorrections({ tracker: 'https://x.example/new', urlParam: 'a b' })).toThrow(
      /SITE\.corrections\.urlParam: urlParam is a query parameter name/,
    );
    expect(() => parseCorrections({ email: 'a@b.example', tracker: 'https://x.example/' })).toThrow(
      /set either \{ email: "…" \} or \{ tracker:/,
    );
    expect(() => parseCorrections({})).toThrow(/SITE\.corrections/);
  });

  it('the shipped setting is valid', () => {
    expect(() => parseCorrections(SITE.corrections)).not.toThrow();
  });
});
