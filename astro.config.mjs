// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { cacheDir, contentDir, siteConfig } from './src/site.config.ts';
import { rehypeHeadingAnchors } from './src/lib/markdown/rehype-heading-anchors.ts';
import { rehypeLinks } from './src/lib/markdown/rehype-links.ts';
import { rehypeTaskListLabels } from './src/lib/markdown/rehype-task-list-labels.ts';
import { rehypeCodeBlocks } from './src/lib/markdown/rehype-code-blocks.ts';
import remarkSmartypants from './src/lib/markdown/remark-smartypants.ts';
import { MDX_NODE_TYPES, rehypeRawWhereNeeded } from './src/lib/markdown/raw-html.ts';
import deployFiles from './src/integrations/deploy-files.ts';
import contentChecks from './src/integrations/content-checks.ts';
import lifecycleData from './src/integrations/lifecycle-data.ts';
import socialImages from './src/integrations/social-images/index.ts';
import dataStoreFile from './src/integrations/data-store-file.ts';
import { onBundlerWarning } from './src/integrations/build-warnings.ts';
import markdownErrors, { guardPlugins } from './src/integrations/markdown-errors.ts';
import { remarkTrust } from './src/lib/markdown/remark-trust.ts';
import { IFRAME_HOSTS, TRUSTED_ARTICLES } from './src/trusted-content.ts';
import legacyRedirectPages from './src/integrations/legacy-redirects.ts';
import { cspDirectives, SCRIPT_SOURCES } from './src/lib/security-headers.ts';
import { remoteImageHosts } from './src/lib/remote-images.ts';

const { site, base } = siteConfig(process.env);

const root = fileURLToPath(new URL('.', import.meta.url));

// One Markdown pipeline for .md and .mdx (MDX 8 reuses the configured processor). remarkTrust runs first: it
// refuses what contributors may not write (MDX code, dangerous raw HTML) before anything renders it.
// guardPlugins: a plugin's exception fails the build naming the file (Astro's content sync would swallow it).
const processor = unified({
  // Astro's own remark-gfm and smartypants are turned off: a guarded plugin is a new function, which unified
  // cannot recognise as the one Astro already added (GFM would parse twice); our smartypants gives the same output
  // as Astro's for less CPU (src/lib/markdown/remark-smartypants.ts).
  gfm: false,
  smartypants: false,
  remarkPlugins: guardPlugins([
    [
      remarkTrust,
      {
        root,
        articlesDir: resolve(root, contentDir(process.env), 'articles'),
        trusted: TRUSTED_ARTICLES,
        iframeHosts: IFRAME_HOSTS,
      },
    ],
    remarkGfm,
    remarkSmartypants,
  ]),
  rehypePlugins: guardPlugins([
    // Raw HTML first, so links and images written as HTML get the same plugins as Markdown ones (Astro itself
    // runs rehype-raw only after our plugins). MDX nodes pass through untouched. A file without raw HTML skips it.
    [rehypeRawWhereNeeded, { passThrough: MDX_NODE_TYPES }],
    rehypeSlug,
    rehypeHeadingAnchors,
    [rehypeLinks, { base, site }],
    rehypeTaskListLabels,
    rehypeCodeBlocks,
  ]),
});

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  cacheDir: cacheDir(process.env),
  // External stylesheets only: a host CSP header (deploy/) can then allow style-src 'self' without hashes.
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  markdown: {
    processor,
    // Prism emits class names only; Shiki's inline styles would need style-src 'unsafe-inline'.
    syntaxHighlight: 'prism',
  },
  security: {
    csp: {
      algorithm: 'SHA-256',
      // img-src follows the allowed remote image hosts (content/remote-images.yaml).
      directives: cspDirectives(remoteImageHosts(contentDir(process.env))),
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
    },
  },
  // Never inline scripts: the host CSP header allows script-src 'self' without per-page hashes.
  // onwarn: drops one warning Astro's MDX output causes per article (src/integrations/build-warnings.ts).
  vite: { build: { assetsInlineLimit: 0, rolldownOptions: { onwarn: onBundlerWarning } } },
  experimental: {
    // Pages whose getStaticPaths() cacheKey (src/lib/page-keys.ts) and module graph are unchanged are copied from
    // the previous build (kept in cacheDir) instead of rendered. Needs build.concurrency 1 (the default).
    incrementalBuild: true,
  },
  integrations: [
    mdx(),
    // Editors' pages (noindex) stay out of the sitemap.
    sitemap({ filter: (page) => !new URL(page).pathname.includes('/editors/') }),
    lifecycleData({ contentDir: contentDir(process.env) }),
    deployFiles({ base, site }),
    contentChecks({ base, contentDir: contentDir(process.env) }),
    legacyRedirectPages({ base, site, contentDir: contentDir(process.env) }),
    socialImages(),
    // Pagefind indexes after Astro's process has exited: scripts/build.ts (npm run build).
    markdownErrors(),
    // The content store is read from a file, not compiled as a 186 MB string literal at 10,000 articles.
    dataStoreFile(),
  ],
});
