/**
 * OPML 2.0 (https://opml.org/spec2.opml) subscription list: one outline per group, inside it one `type="rss"`
 * outline per feed with its xmlUrl (the feed) and htmlUrl (the page it mirrors). Feed readers import this file to
 * subscribe to every feed at once.
 */
import type { FeedGroup } from './feed-directory.ts';
import { OPML } from './feed-formats.ts';
import { absoluteUrl } from './urls.ts';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const attrs = (pairs: Record<string, string>) =>
  Object.entries(pairs)
    .map(([k, v]) => `${k}="${xml(v)}"`)
    .join(' ');

export interface OpmlHead {
  title: string;
  /** The build clock: dateCreated. */
  created: Date;
}

export function renderOpml(head: OpmlHead, groups: readonly FeedGroup[], site: URL): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xml(head.title)}</title>`,
    `    <dateCreated>${head.created.toUTCString()}</dateCreated>`,
    '    <docs>https://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  for (const group of groups) {
    lines.push(`    <outline ${attrs({ text: group.title, title: group.title })}>`);
    for (const feed of group.feeds) {
      const file = feed.files.find((f) => f.format.id === OPML.format.id)!;
      lines.push(
        `      <outline ${attrs({
          type: 'rss',
          version: 'RSS2',
          text: feed.title,
          title: feed.title,
          description: feed.description,
          xmlUrl: absoluteUrl(file.path, site),
          htmlUrl: absoluteUrl(feed.page, site),
        })}/>`,
      );
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
