import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { articleSchema, withEntryImage } from './schemas/article.ts';
import { distroSchema } from './schemas/distro.ts';
import { authorSchema, seriesSchema, topicSchema } from './schemas/people.ts';
import { idRef, idsInFolder, idsInYamlList, refFiles } from './schemas/refs.ts';
import { buildNow } from './lib/clock.ts';
import { contentDir } from './site.config.ts';

const CONTENT = contentDir(process.env);
const FILES = refFiles(CONTENT);

const refs = {
  authors: idRef('desk', idsInFolder(`${CONTENT}/authors`, '.yaml'), FILES.authors),
  distros: idRef('distribution', idsInFolder(`${CONTENT}/distros`, '.yaml'), FILES.distros),
  topics: idRef('topic', idsInYamlList(`${CONTENT}/topics.yaml`), FILES.topics),
  series: idRef('series', idsInYamlList(`${CONTENT}/series.yaml`), FILES.series),
};

let sharedArticleSchema: ReturnType<typeof articleSchema<(typeof refs)['authors'], z.ZodString>> | undefined;

const articles = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: `${CONTENT}/articles` }),
  schema: ({ image }) => {
    // Astro calls this once per entry, for that entry's image() helper. Building articleSchema for each entry cost
    // about 1.7 ms, and Zod compiles every new object schema again on its first parse: it is built once, with
    // hero.src as a plain string, and each entry gets a thin step that passes hero.src through its own image().
    sharedArticleSchema ??= articleSchema(refs, z.string(), { now: buildNow() });
    return withEntryImage(sharedArticleSchema, image());
  },
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
