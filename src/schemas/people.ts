import { z } from 'astro/zod';
import { nonEmpty, slug } from './common.ts';

/** A newsroom desk that signs articles. */
export const authorSchema = z.strictObject({
  name: nonEmpty('the desk name'),
  role: nonEmpty('the role, e.g. Desk or Opinion'),
  bio: nonEmpty('a short description of what the desk covers').max(280, { error: 'bio is longer than 280 characters' }),
});

/** An entry of content/topics.yaml. */
export const topicSchema = z.strictObject({
  id: slug,
  name: nonEmpty('the topic name'),
  description: nonEmpty('a one-sentence description'),
});

/** An entry of content/series.yaml: a story arc. */
export const seriesSchema = z.strictObject({
  id: slug,
  name: nonEmpty('the series name'),
  description: nonEmpty('a one-sentence description'),
});
