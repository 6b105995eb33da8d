/**
 * A store whose capped counts (countEventsUpTo, countFusedEventsUpTo) stop at `cap` instead of
 * the API's 10,000, so that a test's few rows can pass the cap. Everything else is the store's.
 */
import type { EventQuery, Repository } from '../store/repository.js';

export function withCountCap<R extends Repository>(repo: R, cap: number): R {
  return new Proxy(repo, {
    get(target, key) {
      if (key === 'countEventsUpTo') return (q: EventQuery) => target.countEventsUpTo(q, cap);
      if (key === 'countFusedEventsUpTo') return (q: EventQuery) => target.countFusedEventsUpTo(q, cap);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
