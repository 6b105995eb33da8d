/** The event panel: what was coded, the source sentences with the evidence marked, every source. */
import type { EventDetail } from './api.js';
import { el, safeLink, shownText } from './dom.js';
import { kindOfField, renderMarked, type Mark } from './highlight.js';
import { eventTypeLabel, formatNumber, localName, modalityLabel, t, type StringKey } from './i18n.js';
import { TYPE_COLOURS } from './map.js';

export function renderEventPanel(panel: HTMLElement, detail: EventDetail | null): void {
  if (!detail) {
    panel.replaceChildren(el('p', { class: 'muted', text: t('panelEmpty') }));
    return;
  }
  const e = detail.event;
  const actor = (a: { name: string; name_ar: string } | null) => (a ? localName(a) : t('none'));
  const place = e.location
    ? [localName(e.location), e.location.admin1 && e.location.admin1 !== e.location.name ? e.location.admin1 : '']
        .filter(Boolean)
        .join('، ')
    : t('unknown');
  const rows: [StringKey, string][] = [
    ['fieldDate', e.date ?? t('unknown')],
    ['fieldActor1', [actor(e.actor1), ...e.assoc_actor_1.map(localName)].join(' + ')],
    ['fieldActor2', [actor(e.actor2), ...e.assoc_actor_2.map(localName)].join(' + ')],
    ['fieldPlace', place],
    ['fieldFatalities', formatNumber(e.fatalities)],
    ['fieldInjured', e.injured === null ? t('none') : formatNumber(e.injured)],
    ['fieldModality', modalityLabel(e.modality)],
    ['fieldConfidence', formatNumber(Math.round(e.confidence * 100)) + '%'],
  ];
  const typeBadge = el('span', { class: 'type-badge', text: eventTypeLabel(e.event_type) });
  typeBadge.style.background = TYPE_COLOURS[e.event_type] ?? '#555';

  panel.replaceChildren(
    el('header', { class: 'panel-head' }, [typeBadge, el('span', { class: 'sub-type', text: e.sub_event_type })]),
    el('h3', { text: t('panelEvidence') }),
    legend(),
    ...detail.excerpts.map((x) => {
      const marks: Mark[] = x.highlights.map((h) => ({
        start: h.start,
        end: h.end,
        kind: kindOfField(h.field),
        title: h.field,
      }));
      return el('blockquote', { class: 'excerpt article-text', attrs: { dir: 'rtl', lang: 'ar' } }, [
        renderMarked(x.text, x.start, marks),
      ]);
    }),
    ...(e.claimed_by
      ? [
          el('p', { class: 'claimed-by' }, [
            el('strong', { text: `${t('panelClaimedBy')}: ` }),
            el('q', { text: e.claimed_by.text }),
          ]),
        ]
      : []),
    el(
      'dl',
      { class: 'fields' },
      rows.flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })]),
    ),
    el('h3', { text: t('panelSources') }),
    el(
      'ul',
      { class: 'sources' },
      detail.sources.map((s) =>
        el('li', {}, [
          safeLink(s.url, s.title || s.url || s.article_id),
          el('span', { class: 'muted', text: shownText([s.outlet, s.published].filter(Boolean).join(' · ')) }),
        ]),
      ),
    ),
  );
}

export function legend(): HTMLElement {
  const items: [string, StringKey][] = [
    ['trigger', 'hlTrigger'],
    ['actor', 'hlActor'],
    ['place', 'hlPlace'],
    ['date', 'hlDate'],
    ['number', 'hlNumber'],
    ['claim', 'hlClaim'],
  ];
  return el(
    'div',
    { class: 'legend' },
    items.map(([kind, key]) => el('mark', { class: `hl hl-${kind}`, text: t(key) })),
  );
}
