/**
 * The two seed reports (../shared/seeds): every person, armed group and place is found, and each
 * place resolves to the right coordinates. Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm } from '../core/geo.js';
import { sharedFile } from '../core/shared-data.js';
import { analyzeInputs } from '../app/analyze.js';
import { loadPipelineContext } from '../pipeline/context.js';
import type { Entity } from './recognize.js';

const SEED_A = sharedFile('seeds', '000_bfb5624b37094c39.txt');
const SEED_B = sharedFile('seeds', '003_f73e5049bd2cb6b5.txt');
const skip = SEED_A && SEED_B ? false : '../shared/seeds is absent';

async function entitiesOf(path: string): Promise<Entity[]> {
  for await (const item of analyzeInputs([path], loadPipelineContext())) {
    if (item.kind === 'doc') return item.doc.entities;
  }
  throw new Error(`no article read from ${path}`);
}

interface Expected {
  /** Words of the mention (normalisation-insensitive containment). */
  text: string;
  ref: string;
  /** Expected coordinates for places, checked within `km`. */
  at?: [number, number];
  km?: number;
}

const SEED_A_EXPECTED: Expected[] = [
  { text: 'خليفة حفتر', ref: 'p-khalifa-haftar' },
  { text: 'فائز السراج', ref: 'p-fayez-sarraj' },
  { text: 'أحمد المسماري', ref: 'p-ahmed-mismari' },
  { text: 'قوات الجيش الليبي', ref: 'ly-lna' },
  { text: 'القوات الموالية لحكومة الوفاق', ref: 'ly-gna-forces' },
  { text: 'التاسع ترهونة', ref: 'ly-kaniyat' },
  { text: 'مشاة', ref: 'ly-166-battalion' },
  { text: 'السلطات اليونانية', ref: 'gr-government' },
  { text: 'طرابلس', ref: 'ly-tripoli', at: [32.887, 13.191], km: 10 },
  { text: 'ورشفانة', ref: 'ly-region-warshefana', at: [32.7, 12.9], km: 30 },
  { text: 'العزيزية', ref: 'ly-aziziya', at: [32.53, 13.02], km: 8 },
  { text: 'مطار طرابلس الدولي', ref: 'ly-tripoli-international-airport', at: [32.663, 13.159], km: 5 },
  { text: 'صلاح الدين', ref: 'ly-salah-al-din', at: [32.83, 13.21], km: 6 },
  { text: 'تركيا', ref: 'country:TR' },
  { text: 'قطر', ref: 'country:QA' },
];

const SEED_B_EXPECTED: Expected[] = [
  { text: 'خليفة حفتر', ref: 'p-khalifa-haftar' },
  { text: 'رمضان بورقيقة', ref: 'p-ramadan-bouregiga' },
  { text: 'فجر ليبيا', ref: 'ly-libya-dawn' },
  { text: 'جيش القبائل', ref: 'ly-tribes-army' },
  { text: 'عملية الكرامة', ref: 'ly-lna' },
  { text: 'مجلس الأمن', ref: 'int-unsc' },
  { text: 'رئاسة الأركان العامة', ref: 'ly-general-staff-tripoli' },
  { text: 'العزيزية', ref: 'ly-aziziya', at: [32.53, 13.02], km: 8 },
  { text: 'طرابلس', ref: 'ly-tripoli', at: [32.887, 13.191], km: 10 },
  { text: 'مطار طرابلس الدولي', ref: 'ly-tripoli-international-airport', at: [32.663, 13.159], km: 5 },
  { text: 'نالوت', ref: 'ly-nalut', at: [31.868, 10.985], km: 8 },
  { text: 'جادو', ref: 'ly-jadu', at: [31.953, 12.026], km: 8 },
  { text: 'الساعدية', ref: 'ly-saadiya', at: [32.62, 13.04], km: 12 },
  { text: 'الطويشة', ref: 'ly-tuwaysha', at: [32.64, 13.07], km: 12 },
  { text: 'غوط بوساق', ref: 'ly-ghut-abu-saq', at: [32.68, 13.0], km: 15 },
  { text: 'كوبري الزهراء', ref: 'ly-zahra-bridge', at: [32.7, 12.9], km: 25 },
  { text: 'غريان', ref: 'ly-gharyan', at: [32.172, 13.02], km: 8 },
];

function check(found: Entity[], expected: Expected[]) {
  for (const want of expected) {
    const hits = found.filter((e) => e.resolution?.id === want.ref);
    assert.ok(
      hits.length > 0,
      `${want.text}: not resolved to ${want.ref}; found ${found.map((e) => `${e.text}→${e.resolution?.id ?? '-'}`).join(', ')}`,
    );
    assert.ok(
      hits.some(
        (e) => e.text.replace(/[«»"]/g, '').includes(want.text.replace(/^ال/, '')) || want.text.includes(e.text),
      ),
      `${want.text}: spans ${hits.map((e) => e.text).join(',')}`,
    );
    if (want.at) {
      const r = hits[0].resolution!;
      assert.ok(r.kind === 'place');
      const km = distanceKm(r.lat, r.lon, want.at[0], want.at[1]);
      assert.ok(km <= want.km!, `${want.text}: ${km.toFixed(1)} km from the expected point`);
    }
  }
}

test('seed 000: people, armed groups and places, resolved', { skip }, async () => {
  check(await entitiesOf(SEED_A!), SEED_A_EXPECTED);
});

test('seed 003: people, armed groups and places, resolved', { skip }, async () => {
  check(await entitiesOf(SEED_B!), SEED_B_EXPECTED);
});
