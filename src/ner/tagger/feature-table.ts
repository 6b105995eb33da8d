/**
 * A model's feature rows found from a feature's template and parts (features.ts FeatureSink)
 * without building its name: the parts are words and classes whose hashes the engine already
 * keeps, where a name built per token had to be allocated and hashed anew.
 */
import { featureName } from './features.js';

/** Rows of one template's features by their parts, one level per part. */
interface TemplateRows {
  /** Row of the template alone (no parts), -1 for none. */
  bare: number;
  one: Map<string, number>;
  two: Map<string, Map<string, number>>;
  three: Map<string, Map<string, Map<string, number>>>;
}

function child<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

export class FeatureTable {
  private readonly templates = new Map<string, TemplateRows>();

  constructor(private readonly featureIndex: ReadonlyMap<string, number>) {
    for (const [name, row] of featureIndex) {
      const eq = name.indexOf('=');
      const template = child(this.templates, eq < 0 ? name : name.slice(0, eq), (): TemplateRows => ({
        bare: -1,
        one: new Map(),
        two: new Map(),
        three: new Map(),
      }));
      if (eq < 0) {
        template.bare = row;
        continue;
      }
      const parts = name.slice(eq + 1).split('|');
      if (parts.length === 1) template.one.set(parts[0], row);
      else if (parts.length === 2) child(template.two, parts[0], () => new Map<string, number>()).set(parts[1], row);
      else if (parts.length === 3) {
        const byFirst = child(template.three, parts[0], () => new Map<string, Map<string, number>>());
        child(byFirst, parts[1], () => new Map<string, number>()).set(parts[2], row);
      }
      // A name of more parts has a part with a '|' in it (the token '|'): row() finds it by name.
    }
  }

  /** The row of the feature, -1 when the model has none. */
  row(template: string, a?: string, b?: string, c?: string): number {
    // Split at '|', such parts would be looked up at the wrong level.
    if (hasBar(a) || hasBar(b) || hasBar(c)) return this.featureIndex.get(featureName(template, a, b, c)) ?? -1;
    const rows = this.templates.get(template);
    if (rows === undefined) return -1;
    if (a === undefined) return rows.bare;
    if (b === undefined) return rows.one.get(a) ?? -1;
    if (c === undefined) return rows.two.get(a)?.get(b) ?? -1;
    return rows.three.get(a)?.get(b)?.get(c) ?? -1;
  }
}

function hasBar(part: string | undefined): boolean {
  return part !== undefined && part.includes('|');
}
