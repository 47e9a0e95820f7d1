// Lint, including the layering rules of ARCHITECTURE.md: each folder may import only the layers beneath it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto', 'http', 'worker_threads']
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        WebAssembly: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      ['**/main/**', '**/renderer/**', '**/preload/**', 'electron', 'react', 'better-sqlite3', ...nodeBuiltins],
      'src/shared is imported by every process: no runtime or outer-layer imports.',
    ),
  },
  {
    files: ['src/main/engine/**'],
    rules: restrict(
      [
        '**/store/**',
        '**/services/**',
        '**/jobs/**',
        '**/electron/**',
        '**/host/**',
        '**/cli/**',
        '**/report/**',
        '**/formats/**',
        'electron',
        'better-sqlite3',
        ...nodeBuiltins,
      ],
      'The engine is pure: typed arrays in, typed arrays out.',
    ),
  },
  {
    files: [
      'src/main/store/**',
      'src/main/services/**',
      'src/main/jobs/**',
      'src/main/formats/**',
      'src/main/platform/**',
      'src/main/security/**',
    ],
    rules: restrict(
      ['electron', '**/electron/**', '**/host/**', '**/cli/**', '**/renderer/**'],
      'Only src/main/electron imports electron; inner layers never import the shells.',
    ),
  },
  {
    files: ['src/main/host/**', 'src/main/cli/**'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**'], 'The browser host and CLI run under plain Node.'),
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(
        ['**/main/**', '**/preload/**', 'electron', 'better-sqlite3', ...nodeBuiltins],
        'The renderer talks to the rest only through the Api contract in src/shared.',
      ),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
)
