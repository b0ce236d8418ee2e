import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { distroSchema } from './schemas/distro.ts';
import { authorSchema, seriesSchema, topicSchema } from './schemas/people.ts';
import { idRef, idsInFolder, idsInYamlList } from './schemas/refs.ts';
import { buildNow } from './lib/clock.ts';
import { contentDir } from './site.config.ts';

const CONTENT = contentDir(process.env);

const refs = {
  authors: idRef('desk', idsInFolder(`${CONTENT}/authors`, '.yaml'), 'content/authors/<id>.yaml'),
  distros: idRef('distribution', idsInFolder(`${CONTENT}/distros`, '.yaml'), 'content/distros/<id>.yaml'),
  topics: idRef('topic', idsInYamlList(`${CONTENT}/topics.yaml`), 'content/topics.yaml'),
  series: idRef('series', idsInYamlList(`${CONTENT}/series.yaml`), 'content/series.yaml'),
};

const articles = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: `${CONTENT}/articles` }),
  schema: ({ image }) => articleSchema(refs, image(), { now: buildNow() }),
});

const authors = defineCollection({
  loader: glob({ pattern: '[^_]*.yaml', base: `${CONTENT}/authors` }),
  schema: authorSchema,
});

const distros = defineCollection({
  loader: glob({ pattern: '[^_]*.yaml', base: `${CONTENT}/distros` }),
  schema: distroSchema(refs.distros),
});

const topics = defineCollection({ loader: file(`${CONTENT}/topics.yaml`), schema: topicSchema });
const series = defineCollection({ loader: file(`${CONTENT}/series.yaml`), schema: seriesSchema });

export const collections = { articles, authors, distros, topics, series };
