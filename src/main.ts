// Entry point: creates the services once (bootstrap) and mounts the app shell with them. Production builds
// register the service worker (offline, isolation on header-less hosts, the update prompt).
import { mount } from 'svelte';
import App from './App.svelte';
import { bootstrap, pageStorage } from './app/bootstrap';
import { registerServiceWorker } from './app/service-worker';
import { HostingState, pageFacts } from './state/hosting-state.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const hosting = new HostingState(pageFacts(import.meta.env.PROD));
if (import.meta.env.PROD) registerServiceWorker(hosting);
const services = bootstrap({
  search: location.search,
  storage: pageStorage(),
  base: import.meta.env.BASE_URL,
  hosting,
});
/** The mounted app shell. */
export default mount(App, { target, props: { services, hosting } });
