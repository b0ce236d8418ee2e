/**
 * Embedded players and social posts become a static link card: a reader gets a plain link to the original, and
 * no third-party script, frame or tracking pixel reaches the page. The card is Markdown inside an <aside>, so the
 * link goes through the site's own link processing like any other.
 */
export interface Embed {
  /** What it is, as a reader would say it ("Video on YouTube"). */
  label: string;
  /** The canonical page of the embedded thing. */
  url: string;
  /** Visible link text. */
  text: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

/** A YouTube video id, or a YouTube/Vimeo/social URL (watch, embed, short links) → the card's data; undefined if unknown. */
export function embedFor(input: string): Embed | undefined {
  const raw = input.trim().replace(/^["']|["']$/g, '');
  if (YOUTUBE_ID.test(raw) && !raw.includes('.')) return youtube(raw);
  let url: URL;
  try {
    url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\.|^m\./, '');
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = url.searchParams.get('v') ?? url.pathname.match(/^\/(?:embed|shorts|v)\/([^/?#]+)/)?.[1];
    return id ? youtube(id) : undefined;
  }
  if (host === 'youtu.be') return youtube(url.pathname.slice(1));
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const id = url.pathname.match(/(\d+)/)?.[1];
    return id ? { label: 'Video on Vimeo', url: `https://vimeo.com/${id}`, text: `vimeo.com/${id}` } : undefined;
  }
  if (host === 'twitter.com' || host === 'x.com') {
    const m = url.pathname.match(/^\/([^/]+)\/status(?:es)?\/(\d+)/);
    return m ? social('Post on X (Twitter)', `https://x.com/${m[1]}/status/${m[2]}`, `@${m[1]} on X`) : undefined;
  }
  if (host === 'gist.github.com') return social('Code on GitHub Gist', url.href, url.href.replace(/^https:\/\//, ''));
  if (/(^|\.)(mastodon\.[a-z.]+|fosstodon\.org|floss\.social)$/.test(host) && /^\/@[^/]+\/\d+/.test(url.pathname))
    return social('Post on Mastodon', url.href, `${url.pathname.split('/')[1]}@${host}`);
  return undefined;
}

function youtube(id: string): Embed {
  const url = `https://www.youtube.com/watch?v=${id}`;
  return { label: 'Video on YouTube', url, text: `youtube.com/watch?v=${id}` };
}

function social(label: string, url: string, text: string): Embed {
  return { label, url, text };
}

/** An embed inside running text: a plain link where it stood (a card would split the sentence in two). */
export function embedLink(e: Embed): string {
  return `[${e.text.replace(/([[\]_*])/g, '\\$1')}](${e.url})`;
}

/** The same inline link as HTML, for HTML sources (turndown and our link plugins treat it like any link). */
export function embedAnchor(e: Embed): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<a href="${attr(e.url)}">${attr(e.text)}</a>`;
}

/**
 * Whether a tag stands alone in its paragraph: nothing but blank space (and, in HTML, tags) between it and the blank
 * lines around it. `before` is the text up to the tag, `after` the text after it.
 */
export function standsAlone(before: string, after: string): boolean {
  // Tags and template tags around it are not text a reader sees.
  const visible = (s: string) =>
    s
      .replace(/<[^>]*>/g, '')
      .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '')
      .trim();
  return !visible(before.split(/\n[ \t]*\n/).at(-1) ?? '') && !visible(after.split(/\n[ \t]*\n/)[0] ?? '');
}

/** The card as a Markdown block (HTML wrapper, Markdown inside so the link gets the site's link processing). */
export function embedCard(e: Embed): string {
  return `\n\n<aside class="embed-card">\n\n${e.label}: [${e.text.replace(/([[\]_*])/g, '\\$1')}](${e.url})\n\n</aside>\n\n`;
}
