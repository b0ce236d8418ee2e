/**
 * The post-build check of remote images: every image an article shows from another host comes from a host
 * content/remote-images.yaml lists (src/lib/remote-images.ts reads the list), over https.
 */
import type { BuiltPage } from './dist-index.ts';
import { lineAt } from './dist-index.ts';
import type { Check, Problem } from './rules.ts';
import { REMOTE_IMAGES_FILE } from '../../lib/remote-images.ts';

/** Hosts of remote images in one built page's article body. */
export function remoteImagesIn(page: BuiltPage): { host: string; src: string; line: number }[] {
  return page.root.querySelectorAll('.article-body img[src], .article-body source[srcset]').flatMap((el) => {
    const src = el.getAttribute('src') ?? el.getAttribute('srcset')?.split(/\s/)[0] ?? '';
    if (!/^(https?:)?\/\//i.test(src)) return [];
    const host = new URL(src, 'https://site.invalid').hostname;
    return [{ host, src, line: lineAt(page.html, el.range[0]) }];
  });
}

/** The remote images of a page that break the rule: from a host the list does not allow, or over http. */
export function remoteImageProblems(
  file: string,
  images: readonly { host: string; src: string; line: number }[],
  allowed: readonly string[],
): Problem[] {
  return images
    .filter((i) => !allowed.includes(i.host) || /^http:/i.test(i.src))
    .map((i): Problem => ({
      check: 'remote-images',
      file,
      line: i.line,
      message: allowed.includes(i.host)
        ? `<img src="${i.src}"> loads over http: use https`
        : `<img src="${i.src}"> comes from ${i.host}, which content/${REMOTE_IMAGES_FILE} does not list: add the host there (the CSP follows it) or copy the image into the site`,
      target: i.src,
      inContent: true,
    }));
}

/** A check: every remote image in an article comes from an allowed host over https. */
export function remoteImageCheck(allowed: readonly string[]): Check {
  return (page) => remoteImageProblems(page.file, remoteImagesIn(page), allowed);
}
