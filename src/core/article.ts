/** Where one copy of an article came from. An article merged from duplicates keeps them all. */
export interface ArticleOrigin {
  /** The article's own URL, when the input gives one. */
  url: string | null;
  /** The outlet or agency, when the input gives one. */
  source: string | null;
  /** The file path (with line for JSON lines) or feed URL it was read from. */
  input: string | null;
  /** The input's own id for it, if any. */
  externalId: string | null;
}

/** An article as read from input, before it has an id. */
export interface ArticleInput {
  title: string;
  /** The body text exactly as received (after decoding); spans point into it. */
  text: string;
  /** Publication date as `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  /** Full publication timestamp in ISO 8601 when the input gave a time, else null. */
  publishedAt: string | null;
  /** The publication date as written in the input, kept for inspection. */
  publishedRaw: string | null;
  origin: ArticleOrigin;
}

/** A stored article: its id is a hash of its normalised title and text. */
export interface Article extends Omit<ArticleInput, 'origin'> {
  id: string;
  origins: ArticleOrigin[];
}
