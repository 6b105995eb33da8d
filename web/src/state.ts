/**
 * The view's state (filters, order, page, selected event, map colouring, trend period) and its
 * place in the URL's query, so that a reload or a shared link shows the same view.
 */
import { FILTER_NAMES, type Filters } from './api.js';

export const SORTS = ['date', 'date-asc', 'fatalities', 'reports'] as const;
export type Sort = (typeof SORTS)[number];

export interface ViewState {
  filters: Filters;
  sort: Sort;
  /** From 0. */
  page: number;
  selected: string | null;
  colour: 'type' | 'fatalities';
  interval: 'week' | 'month';
  measure: 'count' | 'fatalities';
}

export const PAGE_SIZE = 50;

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const page = Number(params.get('page'));
  return {
    filters,
    sort: oneOf(SORTS, params.get('sort'), 'date'),
    page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
    selected: params.get('event'),
    colour: oneOf(['type', 'fatalities'], params.get('colour'), 'type'),
    interval: oneOf(['week', 'month'], params.get('interval'), 'week'),
    measure: oneOf(['count', 'fatalities'], params.get('measure'), 'count'),
  };
}

/** The query that gives `state` back; defaults are left out. */
export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== 'date') params.set('sort', state.sort);
  if (state.page > 0) params.set('page', String(state.page + 1));
  if (state.selected) params.set('event', state.selected);
  if (state.colour !== 'type') params.set('colour', state.colour);
  if (state.interval !== 'week') params.set('interval', state.interval);
  if (state.measure !== 'count') params.set('measure', state.measure);
  const query = params.toString();
  return query ? `?${query}` : '';
}
