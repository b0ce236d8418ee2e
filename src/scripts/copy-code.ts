// A "Copy code" button above each code block of an article, added by this script only: without JavaScript (or
// without the Clipboard API, e.g. a page served over plain http) there is no button that could not work. The
// result is announced through one polite live region, so screen-reader users hear "Copied" without losing focus.

const COPY = 'Copy code';
const COPIED = 'Copied';
const FAILED = 'Could not copy: select the code and copy it';

function liveRegion(): HTMLElement {
  const region = document.createElement('p');
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  document.body.append(region);
  return region;
}

function enhance(blocks: HTMLPreElement[]): void {
  const status = liveRegion();
  let reset: number | undefined;
  blocks.forEach((pre) => {
    const code = pre.querySelector('code') ?? pre;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    const bar = document.createElement('div');
    bar.className = 'code-tools';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = COPY;
    bar.append(button);
    pre.replaceWith(wrapper);
    wrapper.append(bar, pre);

    button.addEventListener('click', () => {
      // The text as written: Prism's markup is only colour.
      const text = code.textContent ?? '';
      navigator.clipboard.writeText(text).then(
        () => announce(button, COPIED),
        () => announce(button, FAILED),
      );
    });
  });

  function announce(button: HTMLButtonElement, message: string) {
    // Emptied first so the same message is announced again on a second copy.
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 50);
    document.querySelectorAll<HTMLButtonElement>('.code-copy').forEach((b) => (b.textContent = COPY));
    if (message === COPIED) button.textContent = COPIED;
    window.clearTimeout(reset);
    reset = window.setTimeout(() => (button.textContent = COPY), 2500);
  }
}

const blocks = [...document.querySelectorAll<HTMLPreElement>('.article-body pre')];
if (blocks.length > 0 && window.isSecureContext && 'clipboard' in navigator) enhance(blocks);
