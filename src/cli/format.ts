/** Small helpers for human-readable output. */
import type { ExplainedCandidate } from '../events/output.js';
import type { EventRecord } from '../events/record.js';

export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Formats rows as aligned columns. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Events as a table: when, what, where, who, the toll, how sure, the trigger. */
export function eventTable(events: EventRecord[]): string {
  return table(
    ['date', 'type', 'place', 'actor1', 'actor2', 'killed', 'modality', 'trigger'],
    events.map((e) => [
      e.date ?? (e.date_text ? `? (${e.date_text})` : '?'),
      truncate(`${e.event_type} / ${e.sub_event_type}`, 48),
      e.location ? truncate(`${e.location.name} p${e.location.geo_precision}`, 28) : '-',
      truncate(e.actor1?.name ?? '-', 36),
      truncate(e.actor2?.name ?? '-', 36),
      String(e.fatalities) + (e.injured !== null ? ` (+${e.injured} inj.)` : ''),
      e.modality,
      truncate(e.trigger.text, 20),
    ]),
  );
}

/** Candidates with their verdicts: kept (and in which event) or rejected (by which rule, why). */
export function candidateTable(candidates: ExplainedCandidate[]): string {
  return table(
    ['trigger', 'type', 'verdict', 'rule', 'why'],
    candidates.map((c) => [
      truncate(c.trigger.text, 20),
      truncate(`${c.event_type} / ${c.sub_event_type}`, 40),
      c.verdict.kept
        ? `kept → ${c.verdict.event ?? '?'}${c.verdict.mergedInto ? ` (merged into ${truncate(c.merged_into?.text ?? '?', 20)})` : ''}`
        : `rejected: ${c.verdict.reason}`,
      truncate(c.verdict.kept && c.verdict.mergeRule ? `${c.verdict.rule} ${c.verdict.mergeRule}` : c.verdict.rule, 60),
      c.verdict.kept ? truncate(c.verdict.mergeWhy ?? '', 90) : truncate(c.verdict.why, 60),
    ]),
  );
}
