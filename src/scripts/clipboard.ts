// What the copy buttons share (code blocks in articles, feed addresses on /feeds/): whether copying can work at
// all, one polite live region per page for the result, and a button label that returns to its resting text.

/** Copying needs the Clipboard API, which browsers only give to secure pages (https, localhost). */
export const canCopy = (): boolean => window.isSecureContext && 'clipboard' in navigator;

/**
 * Announces through `region` (or a visually hidden polite status region appended to the page). The region is
 * emptied first, so copying the same thing twice is announced twice.
 */
export function announcer(region?: HTMLElement | null): (message: string) => void {
  const live = region ?? document.body.appendChild(document.createElement('p'));
  if (!region) {
    live.className = 'visually-hidden';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
  }
  return (message) => {
    live.textContent = '';
    window.setTimeout(() => (live.textContent = message), 50);
  };
}

/** Shows `text` in `target` for `ms`, then its resting text again (a second call restarts the clock). */
export function flashLabel(target: HTMLElement, resting: string): (text: string, ms?: number) => void {
  let timer: number | undefined;
  return (text, ms = 2500) => {
    target.textContent = text;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => (target.textContent = resting), ms);
  };
}
