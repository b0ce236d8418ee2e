/**
 * One page of every type a reader meets, as site paths (without the deploy base): used by the 320 px overflow and
 * one-search-box tests and by the screenshot suite (`npm run screenshots`), so both cover the same pages.
 */
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  article: '/articles/almalinux-abi-compatibility/',
  'release news': '/articles/rocky-linux-10-released/',
  section: '/news/',
  'section page 2': '/news/2/',
  distros: '/distros/',
  'distro hub': '/distros/almalinux/',
  topics: '/topics/',
  topic: '/topics/compatibility/',
  authors: '/authors/',
  author: '/authors/news-desk/',
  archive: '/archive/',
  'archive year': '/archive/2024/',
  'series index': '/series/',
  series: '/series/rhel-source-change/',
  feeds: '/feeds/',
  search: '/search/',
  'search results': '/search/?q=rocky',
  'not found': '/no-such-page/',
};
