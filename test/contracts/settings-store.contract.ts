// The settings store's contract: every implementation (IndexedDB, memory, files) gives back what was put under a
// key (plain data of any kind, Infinity included), the latest, as a copy; a key never put is undefined.
import { describe, expect, it } from 'vitest';
import type { SettingsStore } from '../../src/core/stores';
import type { MakeSubject } from './subject';

/** Declares the settings store's cases for one implementation. */
export function settingsStoreContract(name: string, make: MakeSubject<SettingsStore>): void {
  describe(`SettingsStore: ${name}`, () => {
    it.each([
      ['a number', 'metrics.retentionDays', 30],
      ['an object', 'alerts.channels', { webhookUrl: 'https://hooks.example/x', notificationsEnabled: true }],
      ['null', 'k', null],
      ['text', 'health.probe', 'probe-1'],
      ['Infinity in a list', 'odd key/with ünïcode', [1, Infinity]],
    ])('get returns what put stored: %s', async (_case, key, value) => {
      const { store } = await make();
      await store.put(key, value);
      expect(await store.get(key)).toEqual(value);
    });

    it('a missing key is undefined; put replaces; copies in and out', async () => {
      const { store } = await make();
      expect(await store.get('missing')).toBeUndefined();
      const v = { list: [1, 2] };
      await store.put('k', v);
      v.list.push(3);
      expect(await store.get('k')).toEqual({ list: [1, 2] });
      ((await store.get('k')) as { list: number[] }).list.length = 0;
      expect(await store.get('k')).toEqual({ list: [1, 2] });
      await store.put('k', 2);
      expect(await store.get('k')).toBe(2);
    });
  });
}
