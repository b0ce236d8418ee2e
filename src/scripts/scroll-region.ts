// Scroll regions ([data-scroll-region], e.g. the lifecycle timeline) are focusable in the HTML, so that keyboard
// users can scroll them with the arrow keys even without JavaScript (WCAG 2.1.1). Where a region does not scroll,
// because the screen is wide enough for the drawing, that Tab stop leads nowhere: this takes it out of the Tab order,
// and puts it back as soon as the region overflows again (a narrower window, a larger text size).
const regions = document.querySelectorAll<HTMLElement>('[data-scroll-region]');

function update(region: HTMLElement): void {
  const scrolls = region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight;
  if (scrolls) region.setAttribute('tabindex', '0');
  else region.removeAttribute('tabindex');
}

if (regions.length > 0 && 'ResizeObserver' in window) {
  // Called once for each region when observation starts, then whenever its size changes.
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) update(entry.target as HTMLElement);
  });
  for (const region of regions) observer.observe(region);
}
