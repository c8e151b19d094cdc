import { describe, expect, it } from 'vitest';
import {
  backoffDelays,
  isRetryable,
  redactUrl,
  validateWebhookUrl,
  webhookPayload,
  type Alert,
} from '../../../src/core/alerts';

describe('validateWebhookUrl', () => {
  it.each([
    'https://hooks.example.com/services/T000/B000/XXXX',
    'https://example.com:8443/a?b=c',
    'http://localhost:9999/hook',
    'http://127.0.0.1:8080/',
    `https://example.com/${'a'.repeat(1970)}`,
  ])('accepts %s', (url) => {
    expect(validateWebhookUrl(url)).toBeNull();
  });

  it.each<[string, RegExp]>([
    ['', /enter the webhook URL/],
    ['   ', /enter the webhook URL/],
    ['not a url', /not a valid URL/],
    ['http://example.com/hook', /must use https/],
    ['http://localhost.evil.com/hook', /must use https/],
    ['http://127.0.0.2/hook', /must use https/],
    ['http://[::1]:3000/x', /must use https/],
    ['ftp://example.com/hook', /must use https/],
    ['javascript:alert(1)', /must use https/],
    ['data:text/plain,hi', /must use https/],
    ['https://user:secret@example.com/hook', /user name or password/],
    ['https://token@example.com/hook', /user name or password/],
    [`https://example.com/${'a'.repeat(2000)}`, /longer than 2000/],
  ])('refuses %s', (url, message) => {
    expect(validateWebhookUrl(url)).toMatch(message);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://hooks.example.com/services/T000/B000/SECRET?token=abc', 'https://hooks.example.com/…'],
    ['http://localhost:9999/hook/secret', 'http://localhost:9999/…'],
    ['https://user:pw@example.com/x', 'https://example.com/…'],
    ['not a url', '(invalid URL)'],
    ['javascript:alert(1)', '(invalid URL)'],
  ])('%s → %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
    expect(redactUrl(url)).not.toMatch(/SECRET|secret|token|pw/);
  });
});

describe('webhookPayload', () => {
  const alert: Alert = {
    id: 'a1',
    key: 'regression:knapsack:default',
    source: 'regression',
    severity: 'warning',
    template: 'knapsack',
    title: 'knapsack: performance regression',
    message: 'slower',
    details: { currentMs: 612, baselineMs: 500, thresholdPct: 10, ratio: 1.224 },
    state: 'active',
    raisedAt: Date.UTC(2024, 0, 2, 3, 4, 5),
    lastSeenAt: Date.UTC(2024, 0, 2, 3, 5, 5),
    occurrences: 2,
    lastSentAt: Date.UTC(2024, 0, 2, 3, 4, 5),
    deliveries: [
      { channel: 'webhook', at: 1, state: 'failed', attempts: 4, detail: 'https://secret.example.com/x said 500' },
    ],
    resolvedAt: null,
    resolveNote: null,
  };

  it('is versioned, carries the alert facts and nothing of the deliveries or the URL', () => {
    const p = webhookPayload(alert, '1.2.3');
    expect(p).toEqual({
      schema: 'highs-workbench/alert',
      version: 1,
      app: { version: '1.2.3' },
      alert: {
        id: 'a1',
        key: 'regression:knapsack:default',
        source: 'regression',
        severity: 'warning',
        template: 'knapsack',
        title: 'knapsack: performance regression',
        message: 'slower',
        details: { currentMs: 612, baselineMs: 500, thresholdPct: 10, ratio: 1.224 },
        state: 'active',
        raisedAt: '2024-01-02T03:04:05.000Z',
        lastSeenAt: '2024-01-02T03:05:05.000Z',
        occurrences: 2,
        resolvedAt: null,
        resolveNote: null,
      },
    });
    expect(JSON.stringify(p)).not.toContain('secret.example.com');
  });
});

describe('backoffDelays', () => {
  it.each<[Parameters<typeof backoffDelays>, number[]]>([
    [[], [1000, 2000, 4000]],
    [[1], []],
    [[2], [1000]],
    [
      [8, 1000, 30_000],
      [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000],
    ],
    [
      [4, 500, 1500],
      [500, 1000, 1500],
    ],
  ])('%j → %j', (args, delays) => {
    expect(backoffDelays(...args)).toEqual(delays);
  });

  it.each([[0], [1.5], [-1]])('refuses maxAttempts %d', (n) => {
    expect(() => backoffDelays(n)).toThrow(/maxAttempts/);
  });
});

describe('isRetryable', () => {
  it.each<[number | null, boolean]>([
    [null, true],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [410, false],
    [422, false],
    [200, false],
    [301, false],
  ])('%s → %s', (status, retry) => {
    expect(isRetryable(status)).toBe(retry);
  });
});
