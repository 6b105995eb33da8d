export { readInputs, parseBuffer } from './read.js';
export type { IngestItem, IngestOptions, InputFormat, RecordField } from './read.js';
export { articleId } from './article-id.js';
export { parsePublished, type PublishedDate } from './dates.js';
