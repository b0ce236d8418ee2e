// A "Copy code" button above each code block of an article, added by this script only: without JavaScript (or
// without the Clipboard API, e.g. a page served over plain http) there is no button that could not work. The
// result is announced through one polite live region, so screen-reader users hear "Copied" without losing focus.
import { UI } from '../lib/ui-strings.ts';
import { announcer, canCopy, flashLabel } from './clipboard.ts';

function enhance(blocks: HTMLPreElement[]): void {
  const announce = announcer();
  const buttons = blocks.map((pre) => {
    const code = pre.querySelector('code') ?? pre;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    const bar = document.createElement('div');
    bar.className = 'code-tools';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = UI.copy.code;
    bar.append(button);
    pre.replaceWith(wrapper);
    wrapper.append(bar, pre);
    const flash = flashLabel(button, UI.copy.code);

    button.addEventListener('click', () => {
      // Only one button says "Copied" at a time.
      for (const b of buttons) b.textContent = UI.copy.code;
      // The text as written: the highlighter's markup is only colour.
      navigator.clipboard.writeText(code.textContent ?? '').then(
        () => {
          flash(UI.copy.copied);
          announce(UI.copy.copied);
        },
        () => announce(UI.copy.codeFailed),
      );
    });
    return button;
  });
}

const blocks = [...document.querySelectorAll<HTMLPreElement>('.article-body pre')];
if (blocks.length > 0 && canCopy()) enhance(blocks);
