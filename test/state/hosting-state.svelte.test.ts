// @vitest-environment svelte-runes
// The hosting state the shell shows: isolation follows the service worker's events, the update prompt activates the
// waiting version once, and a takeover this tab did not ask for leaves it stale (never silently mixed).
import { describe, expect, it } from 'vitest';
import { HostingState, type PageFacts } from '../../src/state/hosting-state.svelte';

const FIRST_VISIT: PageFacts = {
  crossOriginIsolated: false,
  secureContext: true,
  serviceWorkerSupported: true,
  serviceWorkerEnabled: true,
  controlled: false,
};

describe('HostingState', () => {
  it('isolation follows the registration: installing → reload once → refused with its reason', () => {
    const h = new HostingState(FIRST_VISIT);
    h.registration = 'pending';
    expect(h.isolation.cause).toBe('installing');
    h.registration = 'registered';
    expect(h.isolation).toMatchObject({ cause: 'reload-needed', reloadHelps: true });
    h.registration = 'failed';
    h.registrationError = 'TypeError: bad script';
    expect(h.isolation.message).toContain('TypeError: bad script');
  });

  it('a controlled, isolated page is isolated by the service worker', () => {
    const h = new HostingState({ ...FIRST_VISIT, crossOriginIsolated: true, controlled: true });
    h.registration = 'registered';
    expect(h.isolation).toMatchObject({ isolated: true, cause: 'service-worker' });
  });

  it('the update prompt activates the waiting version; the takeover that follows reloads this tab', async () => {
    const h = new HostingState(FIRST_VISIT);
    let activations = 0;
    h.onActivate(async () => void activations++);
    h.updateReady = true;
    await h.update();
    expect(activations).toBe(1);
    expect(h.updating).toBe(true);
    expect(h.takenOver()).toBe('reload');
    expect(h.stale).toBeNull();
  });

  it('a takeover another tab asked for leaves this tab stale, with the reason, and hides the prompt', () => {
    const h = new HostingState(FIRST_VISIT);
    h.updateReady = true;
    expect(h.takenOver()).toBe('stale');
    expect(h.stale).toMatch(/another tab/);
    expect(h.updateReady).toBe(false);
    expect(h.controlled).toBe(true);
  });

  it('update without a registrar does nothing (no service worker: nothing to activate)', async () => {
    const h = new HostingState(FIRST_VISIT);
    await h.update();
    expect(h.updating).toBe(false);
  });
});
