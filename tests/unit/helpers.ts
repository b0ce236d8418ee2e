import { z } from 'astro/zod';
import { articleSchema } from '../../src/schemas/article.ts';
import { distroSchema } from '../../src/schemas/distro.ts';
import { idRef } from '../../src/schemas/refs.ts';

/** The real schemas, with reference validators over a fixed set of ids (the build reads them from content/). */
export const refs = {
  authors: idRef('desk', ['news-desk', 'guides-desk'], 'content/authors/<id>.yaml'),
  distros: idRef('distribution', ['almalinux', 'rhel', 'debian'], 'content/distros/<id>.yaml'),
  topics: idRef('topic', ['compatibility', 'lifecycle'], 'content/topics.yaml'),
  series: idRef('series', ['rhel-source-change'], 'content/series.yaml'),
};
export const NOW = new Date('2026-11-25T00:00:00Z');
export const article = articleSchema(refs, z.string(), { now: NOW });
export const distro = distroSchema(refs.distros);

export const validArticle = () => ({
  title: 'AlmaLinux moves to ABI compatibility',
  description:
    'AlmaLinux no longer aims to be a bug-for-bug copy of RHEL; it now targets application binary compatibility.',
  pubDate: '2023-07-13',
  authors: ['news-desk'],
  distros: ['almalinux', 'rhel'],
  topics: ['compatibility'],
  type: 'news',
  sources: [
    {
      title: 'The Future of AlmaLinux is Bright',
      url: 'https://almalinux.org/blog/future-of-almalinux/',
      publisher: 'AlmaLinux OS Foundation',
    },
  ],
});

/** Messages of a failed parse as "path: message" lines. */
export function issues(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
