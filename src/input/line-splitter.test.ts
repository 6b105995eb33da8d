import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineSplitter, type SplitLine } from './line-splitter.js';

function split(chunks: Buffer[], max: number, unit?: ConstructorParameters<typeof LineSplitter>[1]): SplitLine[] {
  const splitter = new LineSplitter(max, unit);
  return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
}

const shown = (lines: SplitLine[], encoding: BufferEncoding = 'utf8') =>
  lines.map((l) =>
    'tooLong' in l ? `${l.number}:TOO LONG ${l.tooLong}` : `${l.number}:${l.bytes.toString(encoding)}`,
  );

test('lines across any chunking are the lines of the whole; over-long ones are only measured', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom('a', 'ب', 'x', '{', '"'), maxLength: 12 }), { maxLength: 12 }),
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 1, max: 12 }),
      (lines, cuts, max) => {
        const whole = Buffer.from(lines.join('\n'));
        const chunks: Buffer[] = [];
        for (let at = 0, k = 0; at < whole.length; k++) {
          const size = cuts[k % cuts.length];
          chunks.push(whole.subarray(at, at + size));
          at += size;
        }
        const expected = lines.map((l, i) => {
          const bytes = Buffer.byteLength(l);
          return bytes > max ? `${i + 1}:TOO LONG ${bytes}` : `${i + 1}:${l}`;
        });
        // A last empty line (after a final newline, or of an empty input) is not a line.
        if (lines.length > 0 && lines[lines.length - 1] === '') expected.pop();
        assert.deepEqual(shown(split(chunks, max)), expected);
      },
    ),
    { numRuns: 300 },
  );
});

test('a line over the limit is never held: only the current chunk is referenced', () => {
  const splitter = new LineSplitter(10);
  assert.deepEqual(splitter.push(Buffer.from('{"a":1}\n{"b":"')), [{ number: 1, bytes: Buffer.from('{"a":1}') }]);
  for (let k = 0; k < 1000; k++) assert.deepEqual(splitter.push(Buffer.alloc(1000, 0x61)), []);
  assert.deepEqual(shown(splitter.push(Buffer.from('"}\n{}'))), ['2:TOO LONG 1000008']);
  assert.deepEqual(shown(splitter.end()), ['3:{}']);
});
