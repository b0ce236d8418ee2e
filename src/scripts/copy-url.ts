// Copy buttons for the feed and calendar addresses on the feeds page. Progressive enhancement: without this script
// every address is already on the page as selectable text, and no button is shown that could not work.
// Each [data-copy-url] element holds an absolute URL; data-copy-label names what it is the URL of, for the button's
// accessible name and the announcement in the page's polite live region ([data-copy-status]).
import { UI } from '../lib/ui-strings.ts';
import { announcer, flashLabel } from './clipboard.ts';

const announce = announcer(document.querySelector<HTMLElement>('[data-copy-status]'));

/** Selects the address, so that a reader whose browser refuses clipboard access can press Ctrl+C / Cmd+C. */
function select(el: HTMLElement) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

for (const el of document.querySelectorAll<HTMLElement>('[data-copy-url]')) {
  const address = el.textContent?.trim() ?? '';
  const label = el.dataset.copyLabel ?? address;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-url';
  const visible = document.createElement('span');
  visible.textContent = UI.copy.url;
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = UI.copy.urlOf(label);
  button.append(visible, hidden);
  const flash = flashLabel(visible, UI.copy.url);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(address);
      flash(UI.copy.copied, 3000);
      announce(UI.copy.copiedUrlOf(label));
    } catch {
      select(el);
      announce(UI.copy.urlFailed(label));
    }
  });
  el.after(button);
}
