// Loaded on every page: a few listeners only. The search code and the index load when the reader starts searching.
const input = document.querySelector<HTMLInputElement>('[data-quick-input]');

let mounted: Promise<void> | undefined;
const mount = () => {
  if (!input) return Promise.resolve();
  mounted ??= import('./quick.ts').then((m) => m.mountQuickSearch(input));
  return mounted;
};

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

// Pages with their own search box (search, 404, distribution hubs) have no header field: the shortcut focuses theirs.
const shortcutTarget = input ?? document.querySelector<HTMLInputElement>('[data-search-shortcut]');

if (input) input.addEventListener('focus', () => void mount(), { once: true });
if (shortcutTarget) {
  document.addEventListener('keydown', (e) => {
    const shortcut = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey);
    if (shortcut || (e.key === '/' && !typing(e.target) && !e.altKey && !e.ctrlKey && !e.metaKey)) {
      e.preventDefault();
      shortcutTarget.focus();
      shortcutTarget.select();
    }
  });
}
