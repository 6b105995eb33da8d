/**
 * The development datasets live in ../shared beside a checkout, not in the repository. Tests and
 * benchmarks that use them call these helpers and skip with a message when they are absent.
 */
import { existsSync } from 'node:fs';
import { packagePath } from './paths.js';

export const SHARED_DIR = packagePath('..', 'shared');

export function sharedPath(...parts: string[]): string {
  return [SHARED_DIR, ...parts].join('/');
}

/** The path if the file exists, else null. */
export function sharedFile(...parts: string[]): string | null {
  const path = sharedPath(...parts);
  return existsSync(path) ? path : null;
}

export const ANT_CORPUS = ['datasets', 'ant-corpus', 'ant-v1.1.jsonl'];
export const ANT_MULTISOURCE_CORPUS = ['datasets', 'ant-multisource', 'ant-ms-v2.1-dev.jsonl'];
