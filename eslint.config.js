import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The process boundaries are mechanical: each layer may import only what it is allowed to. */
const restrict = (paths, patterns) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [{ name: 'electron', message: 'The renderer talks to the core only through the API client.' }, ...nodeBuiltins.map((name) => ({ name, message: 'No Node modules in the renderer.' }))],
      [{ group: ['**/electron/**', '**/electron'], message: 'The renderer never imports main, preload or core code; use shared/ and the API client.' }],
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        { name: 'electron', message: 'shared/ is pure: no Electron.' },
        { name: 'react', message: 'shared/ is pure: no React.' },
        { name: 'react-dom', message: 'shared/ is pure: no React.' },
        ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node modules (the renderer imports it).' })),
      ],
      [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from the app layers.' }],
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts'],
    rules: restrict(
      [{ name: 'electron', message: 'core, CLI and server run in plain Node: never import electron.' }],
      [{ group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: 'core never depends on a host or the UI.' }],
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(nodeBuiltins.map((name) => ({ name, message: 'The sandboxed preload may import only electron.' })), [
      { group: ['**/core/**', '**/server/**', '**/cli/**'], message: 'The preload is one small CJS file: no core code.' },
    ]),
  },
);
