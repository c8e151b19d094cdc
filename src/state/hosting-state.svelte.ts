// The page's hosting: its service worker (registered, offline-ready, a new version waiting), why the page is or is
// not cross-origin isolated, and whether its files went stale (a newer version took over). The shell shows the update
// prompt and the isolation reason from it; src/app/service-worker.ts feeds it.
import { diagnoseIsolation, type IsolationDiagnosis, type IsolationFacts } from '../core/hosting/isolation';
import type { HostingInfo } from './ports';

/** What the page knows at load, before any service worker event. */
export type PageFacts = Pick<
  IsolationFacts,
  'crossOriginIsolated' | 'secureContext' | 'serviceWorkerSupported' | 'serviceWorkerEnabled' | 'controlled'
>;

/** The rune state of the page's hosting (one per page). */
export class HostingState implements HostingInfo {
  private readonly facts: PageFacts;
  registration = $state<IsolationFacts['registration']>('none');
  registrationError = $state<string | undefined>(undefined);
  controlled = $state(false);
  /** The service worker has cached this version: it loads and solves offline. */
  offlineReady = $state(false);
  /** A new version is installed and waits for this page to take it (the update prompt). */
  updateReady = $state(false);
  /** Why this page's files are stale (a newer version took over, a file of this version is gone), or null. */
  stale = $state<string | null>(null);
  /** The user asked to update: the reload that follows is ours, not another tab's doing. */
  updating = $state(false);

  /** Why the page is (not) isolated; reads the state above, so it updates with the service worker's events. */
  get isolation(): IsolationDiagnosis {
    return diagnoseIsolation({
      ...this.facts,
      controlled: this.controlled,
      registration: this.registration,
      registrationError: this.registrationError,
    });
  }

  /** Takes the waiting version (given by the registrar): it takes over, and the page reloads on it. */
  private activate: (() => Promise<void>) | null = null;

  constructor(facts: PageFacts) {
    this.facts = facts;
    this.controlled = facts.controlled;
  }

  /** The registrar hands over how to activate a waiting version. */
  onActivate(activate: () => Promise<void>): void {
    this.activate = activate;
  }

  /** The user accepted the update prompt. */
  async update(): Promise<void> {
    if (!this.activate) return;
    this.updating = true;
    await this.activate();
  }

  /** A newer service worker took over this page: ours reloads (it asked); another tab's leaves this page stale. */
  takenOver(): 'reload' | 'stale' {
    this.controlled = true;
    if (this.updating) return 'reload';
    this.updateReady = false;
    this.stale = 'a newer version of the workbench was activated in another tab';
    return 'stale';
  }
}

/** The facts of this page in this browser. */
export function pageFacts(serviceWorkerEnabled: boolean): PageFacts {
  const sw = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    secureContext: globalThis.isSecureContext === true,
    serviceWorkerSupported: sw,
    serviceWorkerEnabled,
    controlled: sw && navigator.serviceWorker.controller !== null,
  };
}
