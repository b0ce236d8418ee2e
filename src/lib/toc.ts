export interface Heading {
  depth: number;
  slug: string;
  text: string;
}
export interface TocEntry extends Heading {
  children: Heading[];
}

/** Nests h3s under the preceding h2; other levels are left out of the table of contents. */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth === 2) toc.push({ ...h, children: [] });
    else if (h.depth === 3 && toc.length > 0) toc[toc.length - 1]!.children.push(h);
  }
  return toc;
}
