/**
 * The event panel of one occurrence (a fused event): what was coded, its toll across the
 * sources, every source with its per-article event a click away, why the reports were merged,
 * the review (confirm, correct, dismiss, reopen, with a note) and its audit trail.
 */
import { api, type FusedDetail, type ReviewEntry } from './api.js';
import type { Basemap } from './basemap.js';
import { el, errorMessage, safeLink, shownText } from './dom.js';
import { kindOfField, renderMarked, type Mark } from './highlight.js';
import {
  EVENT_TYPES,
  eventTypeLabel,
  formatNumber,
  localName,
  modalityLabel,
  reviewActionLabel,
  reviewStatusLabel,
  subTypeLabel,
  subTypesOf,
  t,
  type StringKey,
} from './i18n.js';
import { TYPE_COLOURS } from './map.js';
import { placeText } from './table.js';

export interface PanelHandlers {
  /** Sends a review; the caller reloads the view and the panel. */
  onReview: (id: string, body: { action: string; changes?: Record<string, unknown>; note?: string }) => Promise<void>;
  onClose: () => void;
}

export function renderEmptyPanel(panel: HTMLElement, message: StringKey = 'panelEmpty'): void {
  panel.replaceChildren(el('p', { class: 'muted', text: t(message) }));
}

export function renderFusedPanel(
  panel: HTMLElement,
  e: FusedDetail,
  trail: ReviewEntry[],
  basemap: Basemap | null,
  handlers: PanelHandlers,
): void {
  const status = e.review?.status ?? 'unreviewed';
  const typeBadge = el('span', { class: 'type-badge', text: eventTypeLabel(e.event_type) });
  typeBadge.style.background = TYPE_COLOURS[e.event_type] ?? '#555';
  const [min, max] = e.fatalities_range;
  const actor = (a: { name: string; name_ar: string } | null, assoc: { name: string; name_ar: string }[]) =>
    a ? [localName(a), ...assoc.map(localName)].join(' + ') : t('none');
  const rows: [StringKey, string][] = [
    ['fieldDate', e.date ?? t('unknown')],
    ['fieldActor1', actor(e.actor1, e.assoc_actor_1)],
    ['fieldActor2', actor(e.actor2, e.assoc_actor_2)],
    ['fieldPlace', placeText(e, basemap)],
    [
      'fieldFatalities',
      max > min ? `${formatNumber(e.fatalities)} ${t('fieldTollRange', { min, max })}` : formatNumber(e.fatalities),
    ],
    ['fieldInjured', e.injured === null ? t('none') : formatNumber(e.injured)],
    ['fieldModality', modalityLabel(e.modality)],
    ['fieldConfidence', `${formatNumber(Math.round(e.confidence * 100))}%`],
  ];
  // A corrected field shows the machine's value beside the reviewer's.
  const machine = e.review?.machine ?? {};
  const MACHINE_FIELDS: Partial<Record<StringKey, string>> = {
    fieldDate: 'date',
    fieldActor1: 'actor1',
    fieldActor2: 'actor2',
    fieldPlace: 'location',
    fieldFatalities: 'fatalities',
    fieldInjured: 'injured',
  };
  const machineNote = (key: StringKey) => {
    const field = MACHINE_FIELDS[key];
    return field && field in machine
      ? el('small', { class: 'machine', text: t('reviewMachine', { value: shownValue(machine[field]) }) })
      : '';
  };
  panel.replaceChildren(
    el('header', { class: 'panel-head' }, [
      typeBadge,
      el('span', { class: 'sub-type', text: subTypeLabel(e.sub_event_type) }),
      el('span', { class: `status status-${status}`, text: reviewStatusLabel(status) }),
      closeButton(handlers.onClose),
    ]),
    el(
      'dl',
      { class: 'fields' },
      rows.flatMap(([key, value]) => [el('dt', { text: t(key) }), el('dd', {}, [value, machineNote(key)])]),
    ),
    el('p', {
      class: 'corroboration-line',
      text: t('panelCorroboration', { outlets: e.outlets, reports: e.sources.length }),
    }),
    reviewBox(e, trail, handlers),
    el('h3', { text: t('panelSources') }),
    el(
      'ul',
      { class: 'sources' },
      e.sources.map((s) => sourceItem(s)),
    ),
    e.explanation.length > 0
      ? el('details', { class: 'explanation' }, [
          el('summary', { text: t('panelExplanation') }),
          el(
            'ul',
            { attrs: { 'data-source': '', dir: 'ltr', lang: 'en' } },
            e.explanation.map((line) => el('li', { text: shownText(line) })),
          ),
        ])
      : '',
  );
}

function closeButton(onClose: () => void): HTMLElement {
  const button = el('button', { class: 'panel-close', text: '×', attrs: { type: 'button' } });
  button.setAttribute('aria-label', t('panelClose'));
  button.title = t('panelClose');
  button.addEventListener('click', onClose);
  return button;
}

function sourceItem(s: FusedDetail['sources'][number]): HTMLElement {
  const excerpts = el('div', { class: 'source-excerpts' });
  const toggle = el('button', { class: 'link', text: t('panelShowArticle'), attrs: { type: 'button' } });
  toggle.addEventListener('click', () => {
    if (excerpts.childElementCount > 0) {
      excerpts.replaceChildren();
      return;
    }
    void api.event(s.eventId).then(
      (detail) =>
        excerpts.replaceChildren(
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
          ...(detail.event.claimed_by
            ? [
                el('p', { class: 'claimed-by' }, [
                  el('strong', { text: `${t('panelClaimedBy')}: ` }),
                  el('q', { text: detail.event.claimed_by.text, attrs: { lang: 'ar' } }),
                  ...(detail.event.claimed_by_actor
                    ? [
                        el('span', {
                          class: 'claimant-actor',
                          text: ` (${shownText(localName(detail.event.claimed_by_actor))})`,
                        }),
                      ]
                    : []),
                ]),
              ]
            : []),
        ),
      (err: unknown) => excerpts.replaceChildren(el('p', { text: t('error', { message: errorMessage(err) }) })),
    );
  });
  return el('li', { attrs: { 'data-article-id': s.articleId } }, [
    el('span', {
      class: 'outlet',
      text: shownText(s.outlet ?? t('unknown')),
      attrs: { dir: 'auto', 'data-source': '' },
    }),
    el('span', { attrs: { 'data-source': '' } }, [safeLink(s.url, s.title || s.url || s.articleId)]),
    s.published ? el('span', { class: 'muted', text: s.published }) : null,
    toggle,
    excerpts,
  ]);
}

/** Confirm, correct, dismiss or reopen, with a note; and the audit trail. */
function reviewBox(e: FusedDetail, trail: ReviewEntry[], handlers: PanelHandlers): HTMLElement {
  const status = e.review?.status ?? 'unreviewed';
  const note = el('textarea', { attrs: { name: 'note', rows: '2' } });
  const message = el('span', { class: 'review-message', attrs: { role: 'status' } });
  const form = correctionForm(e);
  form.hidden = true;
  const send = async (action: string, changes?: Record<string, unknown>) => {
    message.textContent = '';
    try {
      await handlers.onReview(e.id, { action, changes, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
    } catch (err) {
      message.textContent = t('error', { message: errorMessage(err) });
    }
  };
  const button = (key: StringKey, action: string, onClick: () => void) => {
    const b = el('button', { text: t(key), attrs: { type: 'button', 'data-review': action } });
    b.addEventListener('click', onClick);
    return b;
  };
  const actions = el('div', { class: 'review-actions' }, [
    status !== 'confirmed' ? button('reviewConfirm', 'confirm', () => void send('confirm')) : null,
    button('reviewCorrect', 'correct', () => {
      form.hidden = !form.hidden;
    }),
    status !== 'dismissed' ? button('reviewDismiss', 'dismiss', () => void send('dismiss')) : null,
    status !== 'unreviewed' ? button('reviewReopen', 'reopen', () => void send('reopen')) : null,
  ]);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes = correctionsOf(form, e);
    if (Object.keys(changes).length === 0) {
      form.hidden = true;
      return;
    }
    void send('correct', changes);
  });
  form.querySelector('[data-cancel]')?.addEventListener('click', () => {
    form.hidden = true;
  });
  return el('section', { class: 'review-box' }, [
    el('h3', { text: t('reviewTitle') }),
    el('label', { class: 'note' }, [el('span', { text: t('reviewNote') }), note]),
    actions,
    form,
    message,
    el('h4', { text: t('reviewTrail') }),
    trail.length === 0
      ? el('p', { class: 'muted', text: t('reviewNoTrail') })
      : el(
          'ol',
          { class: 'trail' },
          trail.map((entry) =>
            el('li', {}, [
              el('span', { class: 'muted', text: entry.at.replace('T', ' ').slice(0, 16) }),
              ' ',
              el('strong', { text: reviewActionLabel(entry.action) }),
              ...Object.entries(entry.changes).map(([field, after]) =>
                el('div', {
                  text: t('reviewChanged', {
                    field: fieldLabel(field),
                    before: shownValue(entry.before[field]),
                    after: shownValue(after),
                  }),
                }),
              ),
              entry.note
                ? el('div', { class: 'note-text', text: shownText(entry.note), attrs: { dir: 'auto' } })
                : null,
            ]),
          ),
        ),
  ]);
}

const FIELD_LABELS: Record<string, StringKey> = {
  event_type: 'fieldType',
  sub_event_type: 'fieldSubType',
  actor1: 'fieldActor1',
  actor2: 'fieldActor2',
  location: 'fieldPlace',
  date: 'fieldDate',
  fatalities: 'fieldFatalities',
  injured: 'fieldInjured',
};

const fieldLabel = (field: string): string => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);

/** A corrected value as the trail shows it: a name in the interface's language, a type translated. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('none');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return subTypeLabel(eventTypeLabel(value));
  if (typeof value === 'object' && 'name' in value && typeof value.name === 'string') {
    const nameAr = 'name_ar' in value && typeof value.name_ar === 'string' ? value.name_ar : null;
    return localName({ name: value.name, name_ar: nameAr });
  }
  return JSON.stringify(value);
}

/** The correction form, filled with the event's values. */
function correctionForm(e: FusedDetail): HTMLFormElement {
  const typeSelect = el(
    'select',
    { attrs: { name: 'event_type' } },
    EVENT_TYPES.map((type) => el('option', { text: eventTypeLabel(type), attrs: { value: type } })),
  );
  typeSelect.value = e.event_type;
  const subSelect = el('select', { attrs: { name: 'sub_event_type' } });
  const fillSubTypes = () => {
    const subs = subTypesOf(typeSelect.value);
    subSelect.replaceChildren(...subs.map((s) => el('option', { text: subTypeLabel(s), attrs: { value: s } })));
    subSelect.value = subs.includes(e.sub_event_type) ? e.sub_event_type : (subs[0] ?? '');
  };
  typeSelect.addEventListener('change', fillSubTypes);
  fillSubTypes();
  const input = (name: string, value: string, type = 'text') =>
    el('input', { attrs: { name, type, value, ...(type === 'number' ? { min: '0', step: '1' } : {}) } });
  const field = (key: StringKey, control: HTMLElement) => el('label', {}, [el('span', { text: t(key) }), control]);
  return el('form', { class: 'correction' }, [
    field('fieldType', typeSelect),
    field('fieldSubType', subSelect),
    field('fieldActor1', input('actor1', e.actor1 ? localName(e.actor1) : '')),
    field('fieldActor2', input('actor2', e.actor2 ? localName(e.actor2) : '')),
    field('fieldPlace', input('location', e.location ? localName(e.location) : '')),
    field('fieldDate', input('date', e.date ?? '', 'date')),
    field('fieldFatalities', input('fatalities', String(e.fatalities), 'number')),
    el('div', { class: 'review-actions' }, [
      el('button', { text: t('reviewSave'), attrs: { type: 'submit', 'data-review': 'save' } }),
      el('button', { text: t('reviewCancel'), attrs: { type: 'button', 'data-cancel': '' } }),
    ]),
  ]);
}

/** The fields the analyst changed: names for actors and the place (the server resolves them). */
function correctionsOf(form: HTMLFormElement, e: FusedDetail): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const changes: Record<string, unknown> = {};
  if (text('event_type') !== e.event_type) changes.event_type = text('event_type');
  if (text('sub_event_type') !== e.sub_event_type || changes.event_type)
    changes.sub_event_type = text('sub_event_type');
  for (const [name, current] of [
    ['actor1', e.actor1 ? localName(e.actor1) : ''],
    ['actor2', e.actor2 ? localName(e.actor2) : ''],
    ['location', e.location ? localName(e.location) : ''],
  ] as const)
    if (text(name) !== current) changes[name] = text(name) || null;
  if (text('date') !== (e.date ?? '')) changes.date = text('date') || null;
  const toll = Number(text('fatalities'));
  if (text('fatalities') !== '' && Number.isInteger(toll) && toll !== e.fatalities) changes.fatalities = toll;
  return changes;
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
