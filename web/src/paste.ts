/** "Paste an article": extraction runs as you type (debounced) and the found spans are marked. */
import type { ExtractionRecord } from '../../src/events/record.js';
import { api } from './api.js';
import { el, errorMessage, formText } from './dom.js';
import { kindOfField, renderMarked, type Mark } from './highlight.js';
import { eventTypeLabel, formatNumber, localName, subTypeLabel, t } from './i18n.js';
import { legend } from './panel.js';

const DEBOUNCE_MS = 500;

export function setupPaste(form: HTMLFormElement, onStored: () => void): void {
  const rendered = document.getElementById('paste-rendered')!;
  const list = document.getElementById('paste-events')!;
  const status = document.getElementById('paste-status')!;
  document.getElementById('paste-legend')!.replaceWith(Object.assign(legend(), { id: 'paste-legend' }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  const input = () => {
    const data = new FormData(form);
    return {
      text: formText(data, 'text'),
      title: formText(data, 'title') || undefined,
      published: formText(data, 'published') || null,
    };
  };

  const run = async (store: boolean) => {
    const body = input();
    if (!body.text.trim()) {
      rendered.replaceChildren();
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    status.textContent = t('pasteWorking');
    form.dataset.state = 'working';
    try {
      const record = await api.extract(body, store, controller.signal);
      if (controller.signal.aborted) return;
      showRecord(body.text, record, rendered, list);
      status.textContent = store
        ? t('pasteStored')
        : t('pasteDone', { events: record.events.length, entities: record.entities.length });
      form.dataset.state = 'done';
      if (store) onStored();
    } catch (err) {
      if (controller.signal.aborted) return;
      status.textContent = t('error', { message: errorMessage(err) });
      form.dataset.state = 'error';
    }
  };

  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(false), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  document.getElementById('paste-store')!.addEventListener('click', () => {
    clearTimeout(timer);
    void run(true);
  });
}

function showRecord(text: string, record: ExtractionRecord, rendered: HTMLElement, list: HTMLElement): void {
  const marks: Mark[] = [
    ...record.entities.map((e) => ({
      start: e.start,
      end: e.end,
      kind: 'name',
      title: `${e.type}${e.ref ? ` → ${e.ref}` : ''}`,
    })),
    ...record.events.flatMap((e) => [
      { start: e.trigger.start, end: e.trigger.end, kind: 'trigger', title: `${e.event_type} / ${e.sub_event_type}` },
      ...(e.claimed_by
        ? [{ start: e.claimed_by.start, end: e.claimed_by.end, kind: 'claim', title: 'claimed_by' }]
        : []),
      ...e.sources.flatMap((s) =>
        s.evidence
          ? [{ start: s.evidence.start, end: s.evidence.end, kind: kindOfField(s.field), title: s.field }]
          : [],
      ),
    ]),
  ];
  rendered.replaceChildren(renderMarked(text, 0, marks));
  if (record.events.length === 0) {
    list.replaceChildren(el('p', { class: 'muted', text: t('pasteNoEvents') }));
    return;
  }
  list.replaceChildren(
    ...record.events.map((e) =>
      el('article', { class: 'event-card', attrs: { 'data-event-type': e.event_type } }, [
        el('strong', { text: `${eventTypeLabel(e.event_type)} — ${subTypeLabel(e.sub_event_type)}` }),
        el('div', {
          text: [
            e.date ?? t('unknown'),
            e.location ? localName(e.location) : t('unknown'),
            [e.actor1, e.actor2]
              .filter((a) => a !== null)
              .map((a) => localName(a))
              .join(' ⟷ '),
            `${t('fieldFatalities')}: ${formatNumber(e.fatalities)}`,
          ]
            .filter(Boolean)
            .join(' · '),
        }),
        el('q', { class: 'article-text', text: e.trigger.text, attrs: { lang: 'ar' } }),
      ]),
    ),
  );
}
