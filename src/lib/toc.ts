export interface Heading {
  depth: number;
  slug: string;
  text: string;
}
export interface TocEntry extends Heading {
  children: Heading[];
}

/**
 * The text of a heading as Astro collected it, as the reader sees it. Astro's heading collector escapes every "{" of
 * a Markdown (not MDX) heading as "${" for its old template compiler; the page shows "{", so the outline must too.
 */
export function headingText(h: Heading): string {
  return h.text.replace(/\$\{/g, '{').replace(/\s+/g, ' ').trim();
}

/** Nests h3s under the preceding h2; other levels are left out of the table of contents. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const raw of headings) {
    const h = { ...raw, text: headingText(raw) };
    if (h.depth === 2) toc.push({ ...h, children: [] });
    else if (h.depth === 3 && toc.length > 0) toc[toc.length - 1]!.children.push(h);
  }
  return toc;
}
