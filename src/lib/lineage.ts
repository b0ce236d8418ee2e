/** Lineage between distributions, both ways: what one is built from, and what is built from it. */
export interface LineageInput {
  id: string;
  basedOn: readonly string[];
  rebuiltFrom?: string;
  upstream?: string;
}

export type Relation = 'based on' | 'rebuilt from' | 'upstream';
export interface Edge {
  from: string;
  to: string;
  relation: Relation;
}

/** Edges point from a distribution to what it derives from. */
export function lineageEdges(distros: readonly LineageInput[]): Edge[] {
  const edges: Edge[] = [];
  for (const d of distros) {
    for (const b of d.basedOn) edges.push({ from: d.id, to: b, relation: 'based on' });
    if (d.rebuiltFrom) edges.push({ from: d.id, to: d.rebuiltFrom, relation: 'rebuilt from' });
    if (d.upstream) edges.push({ from: d.id, to: d.upstream, relation: 'upstream' });
  }
  return edges;
}

export function lineageOf(id: string, edges: readonly Edge[]) {
  return {
    parents: edges.filter((e) => e.from === id),
    children: edges.filter((e) => e.to === id),
  };
}

/** Phrases for the two directions of a relation, e.g. "AlmaLinux is rebuilt from RHEL" / "RHEL is rebuilt as AlmaLinux". */
export const RELATION_LABELS: Record<Relation, { parent: string; child: string }> = {
  'based on': { parent: 'Based on', child: 'Basis of' },
  'rebuilt from': { parent: 'Rebuilt from', child: 'Rebuilt as' },
  upstream: { parent: 'Upstream', child: 'Upstream of' },
};
