/** The event table, kept in step with the map: one row per event, the selected one marked. */
import type { EventSummary } from './api.js';
import { el, shownText } from './dom.js';
import { eventTypeLabel, formatNumber, localName, t } from './i18n.js';

export function renderEventTable(
  body: HTMLTableSectionElement,
  events: EventSummary[],
  selected: string | null,
  onSelect: (id: string) => void,
): void {
  if (events.length === 0) {
    body.replaceChildren(el('tr', {}, [el('td', { class: 'muted', text: t('noEvents'), attrs: { colspan: '6' } })]));
    return;
  }
  body.replaceChildren(
    ...events.map((e) => {
      const actors = [e.actor1, e.actor2]
        .filter((a) => a !== null)
        .map((a) => localName(a))
        .join(' ⟷ ');
      const row = el(
        'tr',
        { class: e.id === selected ? 'selected' : '', attrs: { 'data-event-id': e.id, tabindex: '0' } },
        [
          el('td', { text: e.date ?? t('unknown') }),
          el('td', { text: eventTypeLabel(e.event_type), title: e.sub_event_type }),
          el('td', { text: actors || t('none') }),
          el('td', { text: e.location ? localName(e.location) : t('unknown') }),
          el('td', { class: 'num', text: formatNumber(e.fatalities) }),
          el('td', { text: shownText(e.article.source ?? e.article.title), attrs: { dir: 'auto' } }),
        ],
      );
      row.addEventListener('click', () => onSelect(e.id));
      row.addEventListener('keydown', (k) => {
        if (k.key === 'Enter') onSelect(e.id);
      });
      return row;
    }),
  );
}

export function markSelectedRow(body: HTMLTableSectionElement, id: string | null): void {
  for (const row of body.querySelectorAll<HTMLTableRowElement>('tr[data-event-id]')) {
    const on = row.dataset.eventId === id;
    row.classList.toggle('selected', on);
    if (on) row.scrollIntoView({ block: 'nearest' });
  }
}
