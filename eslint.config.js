// ESLint for TypeScript and Svelte (typescript-eslint, eslint-plugin-svelte); formatting is
// Prettier's job. The layer rules of DESIGN.md are checked by test/architecture.test.ts.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/out/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Security: nothing evaluates strings as code (CSP has no 'unsafe-eval'; user rules get a parser).
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // `_name` marks a deliberately unused binding (e.g. a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  {
    // The solver worker has WebWorker globals, not the page's.
    files: ['workers/**'],
    languageOptions: { globals: { ...globals.worker } },
  },
);
