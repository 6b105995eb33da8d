// Type guards for values of unknown shape (parsed JSON, thrown values), so that code narrows them
// instead of asserting a type it has not checked.

/** A plain object's fields, read one by one and each checked where it is used. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array whose items are still to be checked (Array.isArray alone types them `any`). */
export function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** The `code` of a thrown value (Node's errno codes, SQLite's and PostgreSQL's error codes), if it has one. */
export function errorCode(thrown: unknown): string | undefined {
  return typeof thrown === 'object' && thrown !== null && 'code' in thrown && typeof thrown.code === 'string'
    ? thrown.code
    : undefined;
}

/** Whether a string is one of a closed set (a CLI option, a stored tag), typed as that set's member. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
