/**
 * The build clock: every "now" in the build (scheduled articles, lifecycle status, feed dates) comes from here, so
 * one build is consistent with itself and two builds on the same day are identical.
 *
 * BUILD_DATE (YYYY-MM-DD or an ISO timestamp) pins it, e.g. for reproducible builds or tests.
 */
export function buildClock(env: Record<string, string | undefined> = process.env, now: Date = new Date()): Date {
  const pinned = env.BUILD_DATE;
  if (pinned) {
    const d = new Date(pinned);
    if (Number.isNaN(d.getTime())) {
      throw new Error(`BUILD_DATE="${pinned}" is not a date: use YYYY-MM-DD, e.g. BUILD_DATE=2026-11-25`);
    }
    return d;
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

let cached: Date | undefined;
/** The clock of this build, read once. */
export function buildNow(): Date {
  cached ??= buildClock();
  return cached;
}
