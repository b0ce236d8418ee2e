export {};

// Copy buttons for the feed and calendar addresses on the feeds page. Progressive enhancement: without this script
// every address is already on the page as selectable text, and no button is shown that could not work.
// Each [data-copy-url] element holds an absolute URL; data-copy-label names what it is the URL of, for the button's
// accessible name and the announcement in the page's polite live region ([data-copy-status]).

const liveRegion = document.querySelector<HTMLElement>('[data-copy-status]');
const RESET_MS = 3000;

/** Selects the address, so that a reader whose browser refuses clipboard access can press Ctrl+C / Cmd+C. */
function select(el: HTMLElement) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function announce(message: string) {
  if (!liveRegion) return;
  // Emptied first, so copying the same address twice is announced twice.
  liveRegion.textContent = '';
  window.setTimeout(() => (liveRegion.textContent = message), 50);
}

for (const el of document.querySelectorAll<HTMLElement>('[data-copy-url]')) {
  const address = el.textContent?.trim() ?? '';
  const label = el.dataset.copyLabel ?? address;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-url';
  const visible = document.createElement('span');
  visible.textContent = 'Copy';
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` URL of ${label}`;
  button.append(visible, hidden);
  let timer: number | undefined;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(address);
      visible.textContent = 'Copied';
      announce(`Copied the URL of ${label}`);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => (visible.textContent = 'Copy'), RESET_MS);
    } catch {
      select(el);
      announce(`Could not copy. The URL of ${label} is selected: press Control+C or Command+C to copy it.`);
    }
  });
  el.after(button);
}
