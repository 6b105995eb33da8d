/**
 * Cross-source fusion: events of different articles that report one occurrence become one
 * fused event. The result is a function of the stored events alone:
 *  1. Two events are linked when `sameOccurrence` holds (rules.ts).
 *  2. A component is a connected set of linked events.
 *  3. Each component is split into clusters: its events in order (date, then id, undated last)
 *     join the first cluster whose every member they are linked to, or start a new one; so no
 *     cluster holds two events of one article, or two events that do not match.
 * New events, and the remaining members of clusters that lost one, wait in the store's fusion
 * queue; `fusePending` recomputes only the components that hold them, found through the
 * store's date-and-type index (`fusionCandidates`).
 */
import type { FusedCluster, FusionFacts, FusionWindow, Repository, StoredEvent } from '../store/repository.js';
import { mergeRecords } from './merge.js';
import { candidateWindows, sameOccurrence } from './rules.js';

export interface FusionSummary {
  /** Events taken from the queue. */
  queued: number;
  /** Events whose cluster was recomputed (the queued ones and those linked to them). */
  recomputed: number;
  clusters: number;
  /** Clusters with more than one member. */
  fused: number;
  seconds: number;
}

/** Fused ids are derived from the earliest member's id, so they stay put as later reports join. */
export function fusedId(eventId: string): string {
  return `fe-${eventId}`;
}

function order(a: FusionFacts, b: FusionFacts): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface PlannedCluster {
  members: { facts: FusionFacts; joinedBy: string }[];
}

/**
 * What `sameOccurrence` reads of an event besides its id and article: events with one signature
 * are linked to the same others (five outlets' copies of one report have one), so a cluster
 * compares a newcomer with each distinct signature once, not with every member.
 */
function signature(f: FusionFacts): string {
  const { id: _id, articleId: _article, ...facts } = f;
  return JSON.stringify(facts);
}

interface ClusterState {
  planned: PlannedCluster;
  articles: Set<string>;
  /** One member per distinct signature, the first member's first. */
  representatives: Map<string, FusionFacts>;
}

/** Step 3 above: one component's events into clusters, deterministically. */
export function partition(component: FusionFacts[]): PlannedCluster[] {
  const clusters: ClusterState[] = [];
  for (const facts of [...component].sort(order)) {
    let joined = false;
    for (const cluster of clusters) {
      // No cluster holds two events of one article; the rest is decided by signature.
      if (cluster.articles.has(facts.articleId)) continue;
      const results = [...cluster.representatives.values()].map((m) => sameOccurrence(m, facts));
      if (results.every((r) => r.ok)) {
        cluster.planned.members.push({
          facts,
          joinedBy: `joined ${cluster.planned.members[0].facts.id}: ${results[0].reason}`,
        });
        cluster.articles.add(facts.articleId);
        const key = signature(facts);
        if (!cluster.representatives.has(key)) cluster.representatives.set(key, facts);
        joined = true;
        break;
      }
    }
    if (!joined) {
      clusters.push({
        planned: { members: [{ facts, joinedBy: 'earliest report' }] },
        articles: new Set([facts.articleId]),
        representatives: new Map([[signature(facts), facts]]),
      });
    }
  }
  return clusters.map((c) => c.planned);
}

/** The readable account of one cluster: a summary line, then one line per member. */
export function explain(
  id: string,
  cluster: PlannedCluster,
  events: Map<string, StoredEvent>,
  range: [number, number],
): string[] {
  const first = events.get(cluster.members[0].facts.id)!.record;
  const toll =
    range[0] === range[1] ? `fatalities ${range[0]}` : `fatalities ${range[0]} (reports ${range[0]}-${range[1]})`;
  const n = cluster.members.length;
  const lines = [
    `${id}: ${first.event_type}/${first.sub_event_type}, ${first.date ?? 'undated'}, ${first.location?.name ?? 'no place'}; ${n} report${n === 1 ? '' : 's'}; ${toll}`,
  ];
  for (const m of cluster.members) {
    const { article, record } = events.get(m.facts.id)!;
    const outlet = article.source ?? article.title;
    lines.push(
      `${m.facts.id} (article ${article.id.slice(0, 12)}, ${outlet}; fatalities ${record.fatalities}): ${m.joinedBy}`,
    );
  }
  return lines;
}

/** Reads StoredEvents by id in pages (the `ids` filter binds one parameter per id). */
async function readEvents(repo: Repository, ids: string[]): Promise<Map<string, StoredEvent>> {
  const events = new Map<string, StoredEvent>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const e of await repo.listEvents({ ids: ids.slice(i, i + 500), includeDismissed: true }))
      events.set(e.record.id, e);
  }
  return events;
}

/** Fuses the events waiting in the queue, in one transaction. */
export async function fusePending(repo: Repository): Promise<FusionSummary> {
  const started = performance.now();
  return repo.transaction(async () => {
    const plan = await planPendingFusion(repo);
    await saveFusionPlan(repo, plan);
    return fusionSummary(plan, started);
  });
}

/** Tries to fuse from committed data without the write lock, before falling back to it. */
const OPTIMISTIC_TRIES = 3;

/**
 * `fusePending` for a caller outside any transaction whose store other writers share (a second
 * ingest process, the server): the clusters are computed without the write lock, from what is
 * committed, and written in a short transaction only if the store did not change meanwhile (its
 * change mark); else computed again, and after a few tries under the lock, so it always ends.
 * A backend without a change mark fuses under the lock at once.
 */
export async function fusePendingOptimistically(repo: Repository): Promise<FusionSummary> {
  const started = performance.now();
  for (let attempt = 0; attempt < OPTIMISTIC_TRIES; attempt++) {
    const mark = await repo.changeMark();
    if (mark === null) break;
    const plan = await planPendingFusion(repo);
    const saved = await repo.transaction(async () => {
      if ((await repo.changeMark()) !== mark) return false;
      await saveFusionPlan(repo, plan);
      return true;
    });
    if (saved) return fusionSummary(plan, started);
  }
  return fusePending(repo);
}

interface FusionPlan {
  queued: string[];
  eventIds: string[];
  clusters: FusedCluster[];
}

/** Reads only: the clusters of the components that hold the queued events. */
async function planPendingFusion(repo: Repository): Promise<FusionPlan> {
  const queued = await repo.fusionQueue();
  const known = new Map<string, FusionFacts>();
  for (let i = 0; i < queued.length; i += 500) {
    for (const f of await repo.fusionFacts(queued.slice(i, i + 500))) known.set(f.id, f);
  }
  const components: FusionFacts[][] = [];
  const placed = new Set<string>();
  // Reports of one story share their windows: each window is read once per plan.
  const windows = new Map<string, FusionFacts[]>();
  const candidatesIn = async (window: FusionWindow) => {
    const key = JSON.stringify(window);
    let found = windows.get(key);
    if (!found) windows.set(key, (found = await repo.fusionCandidates(window)));
    return found;
  };
  for (const id of queued) {
    const seed = known.get(id);
    if (!seed || placed.has(id)) continue;
    // Breadth-first over links: every event linked to one in the component joins it.
    const component = [seed];
    placed.add(id);
    for (let k = 0; k < component.length; k++) {
      const current = component[k];
      for (const window of candidateWindows(current)) {
        for (const candidate of await candidatesIn(window)) {
          if (placed.has(candidate.id) || !sameOccurrence(current, candidate).ok) continue;
          placed.add(candidate.id);
          component.push(candidate);
        }
      }
    }
    components.push(component);
  }

  const eventIds = components.flat().map((f) => f.id);
  const events = await readEvents(repo, eventIds);
  const clusters: FusedCluster[] = [];
  for (const component of components) {
    for (const planned of partition(component)) {
      const id = fusedId(planned.members[0].facts.id);
      const members = planned.members.map((m) => events.get(m.facts.id)!);
      const tolls = members.map((m) => m.record.fatalities);
      const range: [number, number] = [Math.min(...tolls), Math.max(...tolls)];
      clusters.push({
        id,
        record: mergeRecords(id, members),
        fatalities_range: range,
        explanation: explain(id, planned, events, range),
        members: planned.members.map((m) => ({ eventId: m.facts.id, joinedBy: m.joinedBy })),
      });
    }
  }
  return { queued, eventIds, clusters };
}

async function saveFusionPlan(repo: Repository, plan: FusionPlan): Promise<void> {
  // Queued ids no longer stored (their article went) still leave the queue.
  await repo.saveClusters([...new Set([...plan.eventIds, ...plan.queued])], plan.clusters);
}

function fusionSummary(plan: FusionPlan, started: number): FusionSummary {
  return {
    queued: plan.queued.length,
    recomputed: plan.eventIds.length,
    clusters: plan.clusters.length,
    fused: plan.clusters.filter((c) => c.members.length > 1).length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Recomputes every cluster (the fallback after a bulk change, and `marsad fuse --all`). */
export async function fuseAll(repo: Repository): Promise<FusionSummary> {
  return repo.transaction(async () => {
    await repo.queueAllForFusion();
    return fusePending(repo);
  });
}
