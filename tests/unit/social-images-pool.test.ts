/** The worker threads that draw social images and the content cache in front of them. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPool } from '../../src/integrations/social-images/pool.ts';
import { codeFingerprint, imageCache } from '../../src/integrations/social-images/cache.ts';
import { pngSize } from '../../src/integrations/social-images/binary.ts';
import { mapLimit } from '../../src/integrations/social-images/index.ts';

const favicon = readFileSync(new URL('../../public/favicon.svg', import.meta.url));
const context = {
  site: { name: 'Downstream', tagline: 'News about Linux' },
  markUri: `data:image/svg+xml;base64,${favicon.toString('base64')}`,
};
const card = (id: string) => ({
  id,
  kicker: 'News',
  headline: `Headline ${id}`,
  distro: 'Debian',
  dateLabel: '1 May 2024',
});

describe('render pool', () => {
  it('draws cards in worker threads, one worker per few cards up to the cores there are', async () => {
    const single = renderPool(context, 1);
    expect(single.size).toBe(1);
    try {
      const [a, b] = await Promise.all([
        single.render({ kind: 'article', card: card('a') }),
        single.render({ kind: 'default' }),
      ]);
      expect(pngSize(a!.png)).toEqual({ width: 1200, height: 630 });
      expect(pngSize(b!.png)).toEqual({ width: 1200, height: 630 });
      expect(a!.warnings).toEqual([]);
    } finally {
      await single.close();
    }
  });

  it('reports a card the worker cannot draw as an error, without hanging', async () => {
    const pool = renderPool(context, 1);
    try {
      await expect(
        pool.render({ kind: 'article', card: { ...card('x'), headline: undefined as unknown as string } }),
      ).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });
});

describe('image cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns what was put under the same key and code, nothing otherwise', async () => {
    const root = pathToFileURL(`${dir}/`);
    const cache = imageCache(root, codeFingerprint());
    const png = new Uint8Array([1, 2, 3]);
    expect(await cache.get({ job: card('a') })).toBeUndefined();
    await cache.put({ job: card('a') }, png);
    expect([...(await cache.get({ job: card('a') }))!]).toEqual([1, 2, 3]);
    expect(await cache.get({ job: card('b') })).toBeUndefined();
    expect(await imageCache(root, 'other code').get({ job: card('a') })).toBeUndefined();
  });

  it('fingerprints the drawing code and packages the same way twice', () => {
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(codeFingerprint()).toBe(codeFingerprint());
  });
});

describe('bounded concurrency of the social-image hook', () => {
  it('keeps at most `limit` calls in flight, returns results in input order, and stops after a failure', async () => {
    let active = 0;
    let most = 0;
    const started: number[] = [];
    const result = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (ms, i) => {
      started.push(i);
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return ms * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
    expect(started.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const calls: number[] = [];
    await expect(
      mapLimit([0, 1, 2, 3, 4, 5], 2, async (x) => {
        calls.push(x);
        await new Promise((r) => setTimeout(r, 1));
        if (x === 1) throw new Error('card 1 failed');
        return x;
      }),
    ).rejects.toThrow('card 1 failed');
    expect(calls.length).toBeLessThan(6);
  });

  it('says whether an image is cached without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ds-cache-has-'));
    try {
      const cache = imageCache(pathToFileURL(`${dir}/`), 'code');
      expect(await cache.has({ job: card('a') })).toBe(false);
      await cache.put({ job: card('a') }, new Uint8Array([9]));
      expect(await cache.has({ job: card('a') })).toBe(true);
      expect(await cache.has({ job: card('b') })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
