import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseLibrary } from '../../src/core/library';
import { formatBytes, formatGap, formatMs, formatNumber } from '../../src/core/format';
import { knapsackLp, transportLp, mulberry32 } from '../../src/core/warmup-model';

describe('parseLibrary', () => {
  it('reads the shipped manifest, and every listed file exists in public/models', () => {
    const json = JSON.parse(readFileSync(new URL('../../public/models/instances.json', import.meta.url), 'utf8'));
    const lib = parseLibrary(json);
    expect(lib.models.length).toBeGreaterThan(20);
    for (const m of [...lib.models, ...lib.badInputs]) {
      expect(() => readFileSync(new URL(`../../public/models/${m.file}`, import.meta.url))).not.toThrow();
    }
    expect(lib.models.find((m) => m.file === 'afiro.mps')!.objective).toBeCloseTo(-464.753142857, 6);
  });
  it('every model carries the SHA-256 of its file (how a local file is recognised, never by name)', () => {
    const json = JSON.parse(readFileSync(new URL('../../public/models/instances.json', import.meta.url), 'utf8'));
    for (const m of parseLibrary(json).models) {
      const bytes = readFileSync(new URL(`../../public/models/${m.file}`, import.meta.url));
      expect(m.sha256, m.file).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
  it.each([
    [{}, /no "models" array/],
    [{ models: [1] }, /models\[0\]: not an object/],
    [
      { models: [{ file: 'a.mps', kind: 'NLP', rows: 1, cols: 1, nnz: 1, expectedStatus: 'optimal', objective: 1 }] },
      /models\[0\]\.kind/,
    ],
    [
      { models: [{ file: '../x.mps', kind: 'LP', rows: 1, cols: 1, nnz: 1, expectedStatus: 'optimal', objective: 1 }] },
      /models\[0\]\.file/,
    ],
    [
      { models: [{ file: 'a.mps', kind: 'LP', rows: '1', cols: 1, nnz: 1, expectedStatus: 'optimal', objective: 1 }] },
      /models\[0\]\.rows: expected a number/,
    ],
    [
      {
        models: [
          {
            file: 'a.mps',
            sha256: 'abc',
            kind: 'LP',
            rows: 1,
            cols: 1,
            nnz: 1,
            expectedStatus: 'optimal',
            objective: 1,
          },
        ],
      },
      /models\[0\]\.sha256: expected 64 lower-case hex digits/,
    ],
  ])('refuses %j', (json, msg) => {
    expect(() => parseLibrary(json)).toThrow(msg);
  });
});

describe('format', () => {
  it.each([
    [0.5, '0.50 ms'],
    [5, '5.0 ms'],
    [250, '250 ms'],
    [1500, '1.50 s'],
    [125_000, '2 min 5 s'],
  ])('formatMs(%d) = %s', (v, s) => expect(formatMs(v)).toBe(s));
  it.each([
    [512, '512 B'],
    [2048, '2.0 KiB'],
    [3 * 2 ** 20, '3.0 MiB'],
  ])('formatBytes(%d) = %s', (v, s) => expect(formatBytes(v)).toBe(s));
  it.each([
    [null, '–'],
    [0, '0'],
    [-464.75314285714285, '-464.7531429'],
    [1e-9, '1.000000e-9'],
  ])('formatNumber(%s) = %s', (v, s) => expect(formatNumber(v)).toBe(s));
  it('formatGap', () => {
    expect(formatGap(0.28)).toBe('28.00 %');
    expect(formatGap(null)).toBe('–');
  });
});

describe('warm-up models', () => {
  it('are deterministic by seed', () => {
    expect(knapsackLp(10, 3, 5, true)).toBe(knapsackLp(10, 3, 5, true));
    expect(transportLp(3, 4, 1)).not.toBe(transportLp(3, 4, 2));
    const r = mulberry32(1);
    const a = [r(), r()];
    const r2 = mulberry32(1);
    expect([r2(), r2()]).toEqual(a);
  });
});
