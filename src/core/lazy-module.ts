/**
 * A library loaded when first used, not at start: the readers of other formats (pages, feeds,
 * other charsets) that a cold `marsad extract` of a UTF-8 text would otherwise load before its
 * first article. Required, in the library's CommonJS build, so that its callers stay synchronous
 * (Node 20 cannot require an ES module).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A getter of package `name`, typed `T` (its own types: `typeof import('name')`), required on the first call. */
export function lazyModule<T>(name: string): () => T {
  let loaded: T | undefined;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- require() is untyped: T is the package's own type
  return () => (loaded ??= require(name) as T);
}
