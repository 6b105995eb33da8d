/**
 * The interface in Arabic or English. Every string is in strings.json; names of places, areas
 * and actors come with the data (both languages). Article text is never translated or rewritten.
 */
import STRINGS from './strings.json';
import { ACLED_SUB_EVENT_TYPES } from '../../src/events/taxonomy.js';

export type Lang = 'ar' | 'en';
type Table = Record<string, { ar: string; en: string }>;

export type StringKey = keyof typeof STRINGS.ui;

function isStringKey(key: string | undefined): key is StringKey {
  return key !== undefined && Object.hasOwn(STRINGS.ui, key);
}

let lang: Lang = localStorage.getItem('marsad.lang') === 'en' ? 'en' : 'ar';

export const currentLang = (): Lang => lang;

/** Sets the language and fills every `data-i18n` node (its text) and `data-i18n-label` node (its aria-label). */
export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('marsad.lang', next);
  document.documentElement.lang = next;
  document.documentElement.dir = next === 'ar' ? 'rtl' : 'ltr';
  document.title = t('appName');
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n;
    if (!isStringKey(key)) throw new Error(`index.html: unknown data-i18n key "${key}"`);
    node.textContent = t(key);
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = node.dataset.i18nLabel;
    if (!isStringKey(key)) throw new Error(`index.html: unknown data-i18n-label key "${key}"`);
    node.setAttribute('aria-label', t(key));
    node.title = t(key);
  }
}

export function t(key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS.ui[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name] ?? '';
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** A term of a table in the current language; a value the table lacks is shown as it is. */
const term = (table: Table, value: string): string => table[value]?.[lang] ?? value;

export const eventTypeLabel = (type: string): string => term(STRINGS.eventType, type);
export const subTypeLabel = (subType: string): string => term(STRINGS.subEventType, subType);
export const modalityLabel = (m: string): string => term(STRINGS.modality, m);
export const reviewStatusLabel = (s: string): string => term(STRINGS.reviewStatus, s);
export const reviewActionLabel = (a: string): string => term(STRINGS.reviewAction, a);
export const MODALITIES = Object.keys(STRINGS.modality);
export const REVIEW_STATUSES = Object.keys(STRINGS.reviewStatus);

/** An actor, place, area or country in the interface's language: the data carries both names. */
export const localName = (x: { name: string; name_ar: string | null }): string =>
  lang === 'ar' ? x.name_ar || x.name : x.name;

export const formatNumber = (n: number): string => n.toLocaleString(lang === 'ar' ? 'ar-LY' : 'en-GB');

export const EVENT_TYPES = Object.keys(ACLED_SUB_EVENT_TYPES);
const SUB_TYPES: Record<string, readonly string[]> = ACLED_SUB_EVENT_TYPES;

/** The sub-event types of a type (of every type when none is given). */
export const subTypesOf = (type?: string): string[] =>
  type ? [...(SUB_TYPES[type] ?? [])] : Object.values(SUB_TYPES).flatMap((subs) => [...subs]);
