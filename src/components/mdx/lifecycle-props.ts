import { z } from 'astro/zod';
import { distroFacts, getDistros } from '../../lib/content.ts';
import { findRelease, type DistroFacts, type LifecycleComponent } from '../../lib/lifecycle-facts.ts';

/** Props of every lifecycle component: which release of which distribution (ids as in content/distros/). */
export const releaseProps = z.object({
  distro: z.string({ error: 'expected distro="<id>", e.g. distro="debian"' }).min(1),
  release: z.string({ error: 'expected release="<version>" as a quoted string, e.g. release="12"' }).min(1),
});

const looseReleaseProps = releaseProps.loose();

/** The distributions' facts, read once per build (every lifecycle component of every article asks). */
let facts: Promise<DistroFacts[]> | undefined;

/**
 * The release a component names. An unknown id throws with the fix; the build hook (src/integrations/lifecycle-data.ts)
 * reports the same problem earlier with the article file and line.
 */
export async function releaseFor(component: LifecycleComponent, props: unknown) {
  const parsed = looseReleaseProps.safeParse(props);
  if (!parsed.success) {
    throw new Error(`<${component}>: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  facts ??= getDistros().then((list) => list.map(distroFacts));
  const distros = await facts;
  const found = findRelease(distros, parsed.data.distro, parsed.data.release);
  if (!found.ok)
    throw new Error(`<${component} distro="${parsed.data.distro}" release="${parsed.data.release}">: ${found.message}`);
  return found;
}
