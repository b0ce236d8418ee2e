/** Where the browser tests find the site: the build in dist/ served under BASE_PATH by a real static server. */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 4329),
  base: process.env.E2E_BASE ?? '/downstream/',
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  },
  /** A site path ("/articles/x/") as a URL under the deploy base. */
  path(p: string) {
    return `${this.base}${p.replace(/^\/+/, '')}`;
  },
};
