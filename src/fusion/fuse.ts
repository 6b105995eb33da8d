/**
 * Cross-source fusion: events of different articles that report one occurrence become one
 * fused event. The result is a function of the stored events alone:
 *  1. Two events are linked when `sameOccurrence` holds (rules.ts).
 *  2. A component is a connected set of linked events.
 *  3. Each component is split into clusters: its events in order (date, then id, undated last)
 *     join the first cluster whose every member they are linked to, or start a new one; so no
 *     cluster holds two events of one article, or two events that do not match.
 * New events, and the remaining members of clusters that lost one, wait in the store's fusion
 * queue; `fusePending` recomputes only the components that hold them, found block by block (dates
 * and event family, and place: `fusionCandidates`), and writes only the clusters that changed.
 */
import type {
  ClusterMembership,
  FusedCluster,
  FusionFacts,
  FusionWindow,
  LabelledFacts,
  Repository,
  StoredEvent,
} from '../store/repository.js';
import { fatalitiesRange, mergeRecords } from './merge.js';
import { candidatePlaces, candidateWindows, sameOccurrence } from './rules.js';

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
  /** The events of every component recomputed. */
  eventIds: string[];
  /** The clusters that differ from the stored ones, and the events whose clusters they replace. */
  clusters: FusedCluster[];
  replaced: string[];
  /** The component of each event whose recorded one changed. */
  labels: { eventId: string; component: string }[];
  /** Every cluster of the components, written or kept, and those with more than one member. */
  planned: number;
  fused: number;
}

/**
 * Whether `planned` is stored as it is: the same members in the same places, joined by the same
 * rules, none of them queued. A stored cluster rests on unchanged events (a changed or removed
 * event releases its cluster), so its merged record and explanation are as they would be again.
 */
function storedAsPlanned(
  id: string,
  planned: PlannedCluster,
  stored: Map<string, ClusterMembership>,
  storedSize: Map<string, number>,
  queued: Set<string>,
): boolean {
  if (storedSize.get(id) !== planned.members.length) return false;
  return planned.members.every((m, position) => {
    const place = stored.get(m.facts.id);
    return (
      !queued.has(m.facts.id) && place?.clusterId === id && place.position === position && place.joinedBy === m.joinedBy
    );
  });
}

/** A component found for a plan, and the label it is recorded under afterwards. */
interface PlannedComponent {
  facts: FusionFacts[];
  label: string;
  /** Members recorded under another label, or none. */
  relabel: string[];
}

function plain({ component: _component, ...facts }: LabelledFacts): FusionFacts {
  return facts;
}

/**
 * The components that hold the queued events, by union-find over the links found. Only queued
 * events, and events never fused, are walked (their candidates read and compared). A linked event
 * fused before brings the component it was recorded in whole, and is not walked again: that
 * component was closed when recorded, for every later link to it was found from an event queued
 * then, whose component took it in. A recorded component may hold more than the events still
 * linked (one of them removed since); partitioning a union of components gives the union of
 * their partitions, so the clusters are the same, computed over a few more events.
 */
async function findComponents(repo: Repository, queued: string[]): Promise<PlannedComponent[]> {
  const waiting = new Set(queued);
  const facts = new Map<string, FusionFacts>();
  for (let i = 0; i < queued.length; i += 500) {
    for (const f of await repo.fusionFacts(queued.slice(i, i + 500))) facts.set(f.id, f);
  }
  // Union-find over the events placed: a link found joins their sets.
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let x = id; x !== r;) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const union = (a: string, b: string) => parent.set(root(a), root(b));
  const recorded = new Map<string, string>();
  const place = (f: LabelledFacts) => {
    facts.set(f.id, plain(f));
    parent.set(f.id, f.id);
    if (f.component !== null) recorded.set(f.id, f.component);
  };
  for (const id of facts.keys()) parent.set(id, id);
  // Reports of one story share their windows and components: each is read once per plan.
  const windows = new Map<string, LabelledFacts[]>();
  const candidatesIn = async (window: FusionWindow) => {
    const key = JSON.stringify(window);
    let found = windows.get(key);
    if (!found) windows.set(key, (found = await repo.fusionCandidates(window)));
    return found;
  };
  const pulled = new Set<string>();
  const walk = [...facts.values()];
  for (let k = 0; k < walk.length; k++) {
    const current = walk[k];
    // Candidates are read by blocks: dates and family (the windows) and place; an unplaced event links to none.
    const near = candidatePlaces(current);
    if (!near) continue;
    for (const window of candidateWindows(current)) {
      for (const candidate of await candidatesIn({ ...window, near })) {
        if (candidate.id === current.id || !sameOccurrence(current, candidate).ok) continue;
        if (!facts.has(candidate.id)) {
          place(candidate);
          if (candidate.component === null) walk.push(facts.get(candidate.id)!);
          else if (!pulled.has(candidate.component)) {
            pulled.add(candidate.component);
            for (const member of await repo.componentFacts(candidate.component)) {
              if (!facts.has(member.id)) place(member);
              union(member.id, candidate.id);
            }
          }
        }
        union(current.id, candidate.id);
      }
    }
  }
  const byRoot = new Map<string, FusionFacts[]>();
  for (const [id, f] of facts) {
    const r = root(id);
    const members = byRoot.get(r);
    if (members) members.push(f);
    else byRoot.set(r, [f]);
  }
  return [...byRoot.values()].map((members) => {
    const sizes = new Map<string, number>();
    for (const m of members) {
      const label = recorded.get(m.id);
      if (label !== undefined && !waiting.has(m.id)) sizes.set(label, (sizes.get(label) ?? 0) + 1);
    }
    // The largest recorded component keeps its label: fewer members are written again.
    const kept = [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? members[0].id;
    return {
      facts: members,
      label: kept,
      relabel: members.map((m) => m.id).filter((id) => recorded.get(id) !== kept || waiting.has(id)),
    };
  });
}

/** Reads only: the clusters of the components that hold the queued events. */
async function planPendingFusion(repo: Repository): Promise<FusionPlan> {
  const queued = await repo.fusionQueue();
  const found = await findComponents(repo, queued);
  const components = found.map((c) => c.facts);
  const eventIds = components.flat().map((f) => f.id);
  // Clusters stored as planned are left alone: only what changed is merged and written again.
  const stored = new Map((await repo.clusterMembership(eventIds)).map((m) => [m.eventId, m]));
  const storedSize = new Map<string, number>();
  for (const m of stored.values()) storedSize.set(m.clusterId, (storedSize.get(m.clusterId) ?? 0) + 1);
  const waiting = new Set(queued);
  const partitions = components.flatMap((component) => partition(component));
  const changed = partitions
    .map((planned) => ({ id: fusedId(planned.members[0].facts.id), planned }))
    .filter(({ id, planned }) => !storedAsPlanned(id, planned, stored, storedSize, waiting));
  const replaced = changed.flatMap(({ planned }) => planned.members.map((m) => m.facts.id));
  const events = await readEvents(repo, replaced);
  const clusters: FusedCluster[] = changed.map(({ id, planned }) => {
    const members = planned.members.map((m) => events.get(m.facts.id)!);
    // The lowest and highest of the reports that give a figure (a report silent on the toll is not 0).
    const range = fatalitiesRange(members.map((m) => m.record));
    return {
      id,
      record: mergeRecords(id, members),
      fatalities_range: range,
      explanation: explain(id, planned, events, range),
      members: planned.members.map((m) => ({ eventId: m.facts.id, joinedBy: m.joinedBy })),
    };
  });
  return {
    queued,
    eventIds,
    clusters,
    replaced,
    labels: found.flatMap((c) => c.relabel.map((eventId) => ({ eventId, component: c.label }))),
    planned: partitions.length,
    fused: partitions.filter((p) => p.members.length > 1).length,
  };
}

async function saveFusionPlan(repo: Repository, plan: FusionPlan): Promise<void> {
  // Queued ids no longer stored (their article went) still leave the queue. The replaced events
  // with the queued ones are a closed set: a stored cluster is either kept whole or replaced whole.
  await repo.saveClusters([...new Set([...plan.replaced, ...plan.queued])], plan.clusters);
  await repo.saveComponents(plan.labels);
}

function fusionSummary(plan: FusionPlan, started: number): FusionSummary {
  return {
    queued: plan.queued.length,
    recomputed: plan.eventIds.length,
    clusters: plan.planned,
    fused: plan.fused,
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
