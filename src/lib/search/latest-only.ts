/**
 * Runs an async task so that at most one is in flight and only the latest request runs next: keystrokes that arrive
 * while a search runs are coalesced into one follow-up search. Without this, typing a word on a large index queued
 * one Pagefind search per keystroke in its worker and results arrived seconds after the last key.
 */
export function latestOnly<A>(task: (arg: A) => Promise<void>): (arg: A) => Promise<void> {
  let running: Promise<void> | null = null;
  let next: { arg: A } | null = null;
  const drain = async () => {
    while (next) {
      const { arg } = next;
      next = null;
      await task(arg);
    }
    running = null;
  };
  return (arg: A) => {
    next = { arg };
    running ??= drain();
    return running;
  };
}
