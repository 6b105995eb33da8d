import type { Command } from 'commander';
import { addDbOption, withDb } from '../options.js';
import { fusePendingOptimistically } from '../../fusion/fuse.js';
import { loadActors } from '../../knowledge/actors.js';
import { loadGazetteer } from '../../knowledge/places.js';
import { resolveCorrections, type RawCorrections } from '../../review/corrections.js';
import { isFusedId, type ReviewEntry, type ReviewInput, type ReviewView } from '../../review/review.js';
import type { Repository } from '../../store/repository.js';

interface ReviewCliOptions {
  db?: string;
  confirm?: boolean;
  dismiss?: boolean;
  reopen?: boolean;
  set?: RawCorrections;
  note?: string;
  history?: boolean;
  json?: boolean;
}

/** `--set fatalities=5` → { fatalities: '5' }; `--set actor2=` clears. */
function collectSet(value: string, previous: RawCorrections = {}): RawCorrections {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`invalid --set "${value}": expected FIELD=VALUE, e.g. fatalities=5`);
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1) };
}

export function registerReview(program: Command): void {
  addDbOption(
    program
      .command('review <id>')
      .description(
        'confirm, correct, dismiss or reopen an event (an event id) or a fused event (fe-…); every action is kept with its note, and no re-ingest or re-fusion overwrites it',
      )
      .option('--confirm', 'the event is right as it stands')
      .option(
        '--set <field=value>',
        'correct a field (repeatable): type, sub_event_type, actor1, actor2, place, date, fatalities, injuries; actors and places by id, name or alias; an empty value clears',
        collectSet,
      )
      .option('--dismiss', 'not an event (kept, left out of lists and exports)')
      .option('--reopen', 'undo the decision: back to the machine’s record')
      .option('--note <text>', 'why')
      .option('--history', 'print the audit trail instead')
      .option('--json', 'print JSON'),
  ).action(async (id: string, opts: ReviewCliOptions) => {
    const actions = [opts.confirm, opts.set, opts.dismiss, opts.reopen, opts.history].filter(Boolean).length;
    if (actions !== 1)
      throw new Error('give exactly one of --confirm, --set field=value, --dismiss, --reopen, --history');
    await withDb(opts, async (repo) => {
      if (opts.history) {
        const history = await repo.reviewHistory(id);
        if (history.length === 0 && !(await exists(repo, id))) throw new Error(`no event "${id}"`);
        if (opts.json) for (const entry of history) process.stdout.write(`${JSON.stringify(entry)}\n`);
        else
          process.stdout.write(history.length ? `${history.map(historyLine).join('\n')}\n` : `${id}: never reviewed\n`);
        return;
      }
      const input = await reviewInput(repo, id, opts);
      const decision = await repo.reviewEvent(id, input);
      if (!decision) throw new Error(`no event "${id}" (an event id, or a fused id fe-…; see marsad events --fused)`);
      // A correction sends the event's cluster back to fusion, which lays the decision over it again.
      await fusePendingOptimistically(repo);
      process.stdout.write(
        opts.json ? `${JSON.stringify({ id, review: decision })}\n` : `${decisionLine(id, decision)}\n`,
      );
    });
  });
}

async function exists(repo: Repository, id: string): Promise<boolean> {
  return isFusedId(id) ? (await repo.getFusedEvent(id)) !== null : (await repo.getEvent(id)) !== null;
}

async function reviewInput(repo: Repository, id: string, opts: ReviewCliOptions): Promise<ReviewInput> {
  const note = opts.note ?? null;
  if (opts.confirm) return { action: 'confirm', note };
  if (opts.dismiss) return { action: 'dismiss', note };
  if (opts.reopen) return { action: 'reopen', note };
  const current = isFusedId(id) ? (await repo.getFusedEvent(id))?.record : (await repo.getEvent(id))?.record;
  if (!current) throw new Error(`no event "${id}" (an event id, or a fused id fe-…; see marsad events --fused)`);
  const changes = resolveCorrections(opts.set ?? {}, current, { actors: loadActors(), gazetteer: loadGazetteer() });
  return { action: 'correct', changes, note };
}

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'object' && 'name' in value) return String(value.name);
  return typeof value === 'string' ? value : JSON.stringify(value);
};

function decisionLine(id: string, d: ReviewView): string {
  const changes = Object.entries(d.changes).map(([field, value]) => {
    const machine = (d.machine as Record<string, unknown>)[field];
    return `${field} ${shown(machine)} → ${shown(value)}`;
  });
  return `${id}: ${d.status}${changes.length ? ` (${changes.join('; ')})` : ''}${d.note ? ` — ${d.note}` : ''}`;
}

function historyLine(e: ReviewEntry): string {
  const changes = Object.entries(e.changes).map(([field, value]) => {
    const before = (e.before as Record<string, unknown>)[field];
    return `${field} ${shown(before)} → ${shown(value)}`;
  });
  return `${e.at}  ${e.action.padEnd(7)} ${e.status}${changes.length ? `  ${changes.join('; ')}` : ''}${e.note ? `  — ${e.note}` : ''}`;
}
