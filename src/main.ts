// Entry point: creates the services once (bootstrap) and mounts the app shell with them.
import { mount } from 'svelte';
import App from './App.svelte';
import { bootstrap, pageStorage } from './app/bootstrap';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const services = bootstrap({ search: location.search, storage: pageStorage(), base: import.meta.env.BASE_URL });
/** The mounted app shell. */
export default mount(App, { target, props: { services } });
