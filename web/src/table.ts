/** The event table: one row per occurrence (fused event), the selected one marked. */
import type { FusedItem } from './api.js';
import type { Basemap } from './basemap.js';
import { el } from './dom.js';
import { currentLang, eventTypeLabel, formatNumber, localName, reviewStatusLabel, subTypeLabel, t } from './i18n.js';

export function actorsText(e: FusedItem): string {
  return [e.actor1, e.actor2]
    .filter((a) => a !== null)
    .map((a) => localName(a))
    .join(' ⟷ ');
}

export function placeText(e: FusedItem, basemap: Basemap | null): string {
  if (!e.location) return t('unknown');
  const { admin1, country } = e.location;
  const area = admin1 ? (basemap?.admin1Label(country, admin1) ?? admin1) : '';
  const name = localName(e.location);
  return area && area !== name ? `${name}${currentLang() === 'ar' ? '، ' : ', '}${area}` : name;
}

export function renderEventTable(
  body: HTMLTableSectionElement,
  events: FusedItem[],
  selected: string | null,
  basemap: Basemap | null,
  onSelect: (id: string) => void,
): void {
  if (events.length === 0) {
    body.replaceChildren(
      el('tr', { class: 'empty-row' }, [el('td', { class: 'empty', text: t('noEvents'), attrs: { colspan: '7' } })]),
    );
    return;
  }
  body.replaceChildren(
    ...events.map((e) => {
      const status = e.review?.status ?? 'unreviewed';
      const row = el(
        'tr',
        { class: e.id === selected ? 'selected' : '', attrs: { 'data-event-id': e.id, tabindex: '0' } },
        [
          el('td', { class: 'nowrap', text: e.date ?? t('unknown') }),
          el('td', {}, [
            el('span', { text: eventTypeLabel(e.event_type) }),
            el('small', { class: 'muted block', text: subTypeLabel(e.sub_event_type) }),
          ]),
          el('td', { text: actorsText(e) || t('none') }),
          el('td', { text: placeText(e, basemap) }),
          el('td', {
            class: 'num',
            text: formatNumber(e.fatalities),
            title:
              e.fatalities_range[1] > e.fatalities_range[0]
                ? t('fieldTollRange', { min: e.fatalities_range[0], max: e.fatalities_range[1] })
                : '',
          }),
          el('td', { class: 'num', title: t('outletsCount', { outlets: e.outlets, reports: e.sources.length }) }, [
            el('span', { class: 'corroboration', text: formatNumber(e.outlets) }),
          ]),
          el('td', {}, [el('span', { class: `status status-${status}`, text: reviewStatusLabel(status) })]),
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
  }
}
