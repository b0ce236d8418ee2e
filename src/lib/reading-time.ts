import readingTime from 'reading-time';

/** MDX/JSX tags and code fences are not prose; strip them before counting. */
function prose(source: string): string {
  return source
    .replace(/^---[\s\S]*?---/, '')
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

/** Minutes a reader needs, rounded up, at least one. */
export function readingMinutes(source: string, wordsPerMinute = 230): number {
  const { minutes } = readingTime(prose(source), { wordsPerMinute });
  return Math.max(1, Math.ceil(minutes));
}

export function readingLabel(minutes: number): string {
  return `${minutes} min read`;
}
