// The app's name and version in reports: the version is package.json's, put in by Vite's define.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_INFO } from '../../src/state/app-info';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('APP_INFO', () => {
  it("names the app and carries package.json's version", () => {
    expect(APP_INFO).toEqual({ name: 'HiGHS Workbench', version: pkg.version });
    expect(APP_INFO.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
