// The alert store's contract: every implementation (IndexedDB, memory, files) keeps rules and alerts by core's rules
// (src/core/stores/alert-store.ts): replaced by id, rules oldest first (same ms: by id), alerts in the order raised
// (same ms: by id), a rule deleted by id, copies in and out.
import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule } from '../../src/core/alerts/types';
import type { AlertStore } from '../../src/core/stores';
import type { MakeSubject } from './subject';

const rule = (id: string, createdAt: number, over: Partial<AlertRule> = {}): AlertRule => ({
  id,
  name: `rule ${id}`,
  condition: 'p95(solve_time_ms) > 500 over 1h',
  severity: 'warning',
  channels: ['app'],
  cooldownMs: 60_000,
  enabled: true,
  createdAt,
  ...over,
});
const alert = (id: string, raisedAt: number, over: Partial<Alert> = {}): Alert => ({
  id,
  key: `rule:${id}`,
  source: 'rule',
  severity: 'warning',
  template: 'knapsack',
  title: `alert ${id}`,
  message: 'slow',
  details: { value: 600, threshold: 500, window: '1h', ok: false, none: null },
  state: 'active',
  raisedAt,
  lastSeenAt: raisedAt,
  occurrences: 1,
  lastSentAt: raisedAt,
  deliveries: [{ channel: 'webhook', at: raisedAt, state: 'sent', attempts: 1, detail: 'HTTP 200 OK' }],
  resolvedAt: null,
  resolveNote: null,
  ...over,
});

/** Declares the alert store's cases for one implementation. */
export function alertStoreContract(name: string, make: MakeSubject<AlertStore>): void {
  describe(`AlertStore: ${name}`, () => {
    it('lists rules oldest first (same ms: by id), whole; replaces by id; deletes by id', async () => {
      const { store } = await make();
      for (const r of [rule('c', 30), rule('a', 10), rule('z', 20), rule('b', 20)]) await store.putRule(r);
      expect((await store.listRules()).map((r) => r.id)).toEqual(['a', 'b', 'z', 'c']);
      expect((await store.listRules())[0]).toEqual(rule('a', 10));
      await store.putRule(rule('a', 10, { name: 'renamed', enabled: false, channels: ['app', 'webhook'] }));
      expect((await store.listRules())[0]).toEqual(
        rule('a', 10, { name: 'renamed', enabled: false, channels: ['app', 'webhook'] }),
      );
      await store.deleteRule('z');
      await store.deleteRule('missing');
      expect((await store.listRules()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    });

    it('lists alerts in the order raised (same ms: by id), whatever order they were put; replaces by id', async () => {
      const { store } = await make();
      await store.putAlerts([alert('x', 300), alert('y', 100), alert('w', 200)]);
      await store.putAlerts([alert('v', 200)]);
      await store.putAlerts([]);
      expect(await store.listAlerts()).toEqual([alert('y', 100), alert('v', 200), alert('w', 200), alert('x', 300)]);
      const resolved = alert('x', 300, { state: 'resolved', resolvedAt: 400, resolveNote: 'fixed', occurrences: 4 });
      await store.putAlerts([resolved]);
      expect((await store.listAlerts()).at(-1)).toEqual(resolved);
      expect(await store.listAlerts()).toHaveLength(4);
    });

    it('a batch with an alert that cannot be stored stores none of it', async () => {
      const { store } = await make();
      const bad = { ...alert('b', 2), message: Symbol('x') } as unknown as Alert;
      await expect(store.putAlerts([alert('a', 1), bad])).rejects.toThrow();
      expect(await store.listAlerts()).toEqual([]);
    });

    it('stores copies and gives copies', async () => {
      const { store } = await make();
      const r = rule('r', 1);
      const a = alert('a', 1);
      await store.putRule(r);
      await store.putAlerts([a]);
      r.channels.push('webhook');
      a.deliveries.length = 0;
      const [gotRule] = await store.listRules();
      const [gotAlert] = await store.listAlerts();
      expect(gotRule).toEqual(rule('r', 1));
      expect(gotAlert).toEqual(alert('a', 1));
      gotRule.name = 'x';
      gotAlert.title = 'x';
      expect((await store.listRules())[0]).toEqual(rule('r', 1));
      expect((await store.listAlerts())[0]).toEqual(alert('a', 1));
    });
  });
}
