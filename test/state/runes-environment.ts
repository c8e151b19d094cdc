// A Vitest environment for rune tests: Node globals, but modules transformed for the client, so
// Svelte compiles `*.svelte.ts` with client runes ($effect runs) and `svelte` resolves to its browser build.
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-runes',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
