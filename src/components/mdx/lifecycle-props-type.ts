import type { z } from 'astro/zod';
import type { releaseProps } from './lifecycle-props.ts';

export type Props = z.input<typeof releaseProps>;
