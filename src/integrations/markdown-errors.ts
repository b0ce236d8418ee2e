import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentError } from '../lib/markdown/content-error.ts';
import { bodyLineOffset } from '../lib/markdown/remark-trust.ts';

/**
 * A failing remark/rehype plugin must fail the build. Astro's content sync catches the exception of a Markdown
 * plugin, logs one line and stores the entry with an empty body (on a warm build it does not even log, the empty
 * body comes from the cache), so the build would publish a blank article and exit 0.
 *
 * guardPlugins() wraps every plugin so that its failures are recorded with the file they happened in; the
 * integration fails the build once content is synced (and again at the end, for MDX compiled later), and deletes
 * Astro's data store so the next build renders the failed entries again instead of reusing their empty bodies.
 */

export interface MarkdownFailure {
  file: string;
  line?: number;
  plugin: string;
  message: string;
}

const KEY = Symbol.for('downstream.markdown-failures');
type Store = { failures: MarkdownFailure[] };
const store = (): Store => ((globalThis as Record<symbol, Store>)[KEY] ??= { failures: [] });

export function recordFailure(failure: MarkdownFailure): void {
  const s = store();
  const key = `${failure.file}:${failure.line ?? ''}:${failure.message}`;
  if (!s.failures.some((f) => `${f.file}:${f.line ?? ''}:${f.message}` === key)) s.failures.push(failure);
}

export function markdownFailures(): readonly MarkdownFailure[] {
  return store().failures;
}

type VFileLike = { path?: string; history?: string[]; value?: unknown };
type Transformer = (tree: unknown, file: VFileLike, next?: unknown) => unknown;
type Attacher = (this: unknown, ...options: unknown[]) => Transformer | void;

function record(plugin: string, file: VFileLike, error: unknown): void {
  const path = file.path ?? file.history?.at(-1) ?? '(unknown file)';
  // By name, not instanceof: Vite may load the plugin module twice (config and MDX pipeline).
  if (error instanceof Error && error.name === 'ContentError' && 'problems' in error) {
    const offset = bodyLineOffset(path, String(file.value ?? ''));
    for (const p of (error as ContentError).problems)
      recordFailure({ file: path, line: p.line && p.line + offset, plugin: '', message: p.message });
    return;
  }
  recordFailure({ file: path, plugin, message: error instanceof Error ? error.message : String(error) });
}

function guard(attacher: Attacher): Attacher {
  const name = attacher.name || 'anonymous plugin';
  const wrapped = function (this: unknown, ...options: unknown[]) {
    const transformer = attacher.apply(this, options);
    if (typeof transformer !== 'function') return transformer;
    const run = (self: unknown, tree: unknown, file: VFileLike, next?: unknown) => {
      try {
        const result = transformer.call(self, tree, file, next);
        if (result instanceof Promise)
          return result.catch((error: unknown) => {
            record(name, file, error);
            throw error;
          });
        return result;
      } catch (error) {
        record(name, file, error);
        throw error;
      }
    };
    // unified (trough) treats a transformer that declares a third parameter as callback-style and waits for it:
    // keep the plugin's own arity.
    if (transformer.length >= 3)
      return function (
        this: unknown,
        tree: unknown,
        file: VFileLike,
        next: (error?: unknown, ...rest: unknown[]) => void,
      ) {
        return run(this, tree, file, (error?: unknown, ...rest: unknown[]) => {
          if (error) record(name, file, error);
          next(error, ...rest);
        });
      } as Transformer;
    return function (this: unknown, tree: unknown, file: VFileLike) {
      return run(this, tree, file);
    } as Transformer;
  };
  Object.defineProperty(wrapped, 'name', { value: name });
  return wrapped;
}

/** Wraps each plugin of a remarkPlugins/rehypePlugins list; options stay where they were. */
export function guardPlugins<T>(plugins: T[]): T[] {
  return plugins.map((p) => {
    if (Array.isArray(p)) return [guard(p[0] as Attacher), ...p.slice(1)] as T;
    return (typeof p === 'function' ? guard(p as Attacher) : p) as T;
  });
}

export function formatFailures(failures: readonly MarkdownFailure[], root: string): string {
  return failures
    .map((f) => {
      const rel = relative(root, f.file);
      const where = `${rel && !rel.startsWith('..') ? rel : f.file}${f.line ? `:${f.line}` : ''}`;
      return `  ${where}: ${f.message}${f.plugin ? ` (Markdown plugin ${f.plugin} failed)` : ''}`;
    })
    .join('\n');
}

export default function markdownErrors(): AstroIntegration {
  let root = process.cwd();
  let dataStore: string | undefined;
  const fail = () => {
    const failures = markdownFailures();
    if (failures.length === 0) return;
    // The failed entries are cached with an empty body: make the next build render them again.
    if (dataStore) rmSync(dataStore, { force: true });
    throw new Error(
      `${failures.length} article(s) could not be rendered; nothing is published:\n${formatFailures(failures, root)}`,
    );
  };
  return {
    name: 'downstream:markdown-errors',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        dataStore = fileURLToPath(new URL('data-store.json', config.cacheDir));
      },
      'astro:build:start': fail,
      'astro:build:done': fail,
    },
  };
}
