/**
 * When a query is worth searching while the reader types. A last word of one or two characters matches every word it
 * begins: on a large archive it needs an index chunk of its own (the word being typed usually sits in another) and
 * the slowest search, for a query that is usually still being typed. Such a query waits for a pause; from the third
 * character on, a query is searched at once.
 */
export const SHORT_WORD_WAIT_MS = 300;

/** True when the query's last word has one or two characters ("linux 9", "ub"). */
export function endsInShortWord(q: string): boolean {
  return /(^|\s)\S{1,2}$/.test(q.trim());
}

/**
 * A wait that the reader's next change cuts short: `wait(ms)` resolves true after `ms` without `interrupt()`, or false
 * as soon as `interrupt()` is called. One wait at a time; a new wait interrupts the previous one.
 */
export function typingPause(): { wait: (ms: number) => Promise<boolean>; interrupt: () => void } {
  let cancel: (() => void) | null = null;
  const interrupt = () => cancel?.();
  const wait = (ms: number) =>
    new Promise<boolean>((resolve) => {
      interrupt();
      const timer = setTimeout(() => {
        cancel = null;
        resolve(true);
      }, ms);
      cancel = () => {
        clearTimeout(timer);
        cancel = null;
        resolve(false);
      };
    });
  return { wait, interrupt };
}
