// Types for comlink's Node adapter, which ships as dist/esm/node-adapter.mjs next to a .d.ts that
// TypeScript does not pair with the .mjs path.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: unknown): Endpoint;
}
