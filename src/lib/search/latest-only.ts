/**
 * Runs an async task so that at most one is in flight and only the latest request runs next: keystrokes that arrive
 * while a search runs are coalesced into one follow-up search. Without this, typing a word on a large index queued
 * one Pagefind search per keystroke in its worker and results arrived seconds after the last key.
 */
export function latestOnly<A>(task: (arg: A) => Promise<void>): (arg: A) => Promise<void> {
  let running: Promise<void> | null = null;
  let next: { arg: A } | null = null;
  // A failed search (a network error loading an index chunk, say) must not stop every later one: the loop goes on
  // to the latest request, `running` is always cleared, and the callers see the error only if the last task failed.
  const drain = async () => {
    let failure: { error: unknown } | null = null;
    try {
      while (next) {
        const { arg } = next;
        next = null;
        try {
          await task(arg);
          failure = null;
        } catch (error) {
          failure = { error };
        }
      }
    } finally {
      running = null;
    }
    if (failure) throw failure.error;
  };
  return (arg: A) => {
    next = { arg };
    running ??= drain();
    return running;
  };
}
