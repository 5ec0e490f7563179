import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default ts.config(
  { ignores: ['dist/', 'dist-scorm/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    // The engine is pure: no UI framework, audio, DOM or Node built-ins.
    files: ['src/engine/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'src/engine must stay pure: no Node built-ins.',
            })),
            { name: 'svelte', message: 'src/engine must stay pure: no Svelte.' },
            { name: '@xstate/svelte', message: 'src/engine must stay pure: no Svelte.' },
            { name: 'howler', message: 'src/engine must stay pure: no audio.' },
          ],
          patterns: [
            { group: ['svelte/*', '*.svelte'], message: 'src/engine must stay pure: no Svelte.' },
            {
              regex: '^(\\.\\./)+(ui|workspace|cli)(/|$)|^(\\.\\./){2}results(/|$)',
              message:
                'The engine imports nothing from the layers above it (src/ui, src/workspace, src/results, src/cli).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'src/engine must stay pure: no DOM.' },
        { name: 'document', message: 'src/engine must stay pure: no DOM.' },
        { name: 'localStorage', message: 'src/engine must stay pure: no DOM.' },
        { name: 'indexedDB', message: 'src/engine must stay pure: no DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Simulated time only: the engine never reads the wall clock.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded generator from the attempt.',
        },
      ],
    },
  },
  {
    // Hosts use the engine through its one public entry point, never its internals.
    files: ['src/ui/**', 'src/workspace/**', 'src/results/**', 'src/cli/**', 'src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)engine/(?!index\\.ts$)',
              message: 'Import the engine from src/engine/index.ts, its one public entry point.',
            },
          ],
        },
      ],
    },
  },
);
