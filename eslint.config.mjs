import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

// The engine's step folders meet only in engine/model.ts, engine/text/ and the composition point engine/brief.ts:
// a step never imports another step, the CLI or the extension (docs/ARCHITECTURE.md).
const STEPS = ['article', 'iocs', 'attack', 'hunts', 'exports', 'briefing', 'store', 'eval'];
const outside = [
  { group: ['**/cli', '**/cli/**', '**/extension', '**/extension/**'], message: 'The engine never imports the CLI or the extension.' },
  { group: ['vscode'], message: 'The engine must not import vscode.' },
];
const stepRule = (step) => ({
  files: [`src/engine/${step}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'vscode', message: 'The engine must not import vscode.' }],
      patterns: [
        ...outside,
        {
          group: STEPS.filter((s) => s !== step).flatMap((s) => [`../${s}`, `../${s}/**`, `../../${s}`, `../../${s}/**`]).concat(['../brief', '../../brief']),
          message: `engine/${step} may import engine/model, engine/text and its own files only; steps meet in engine/brief.ts.`,
        },
      ],
    }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.tools/**', '.tmp/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // Type-aware rules: a forgotten await or a promise passed where a callback is expected loses errors silently.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The engine and CLI must not import vscode.' }] }] },
  },
  // Regex hygiene: nested quantifiers and super-linear backtracking are errors; articles are untrusted input.
  { ...regexp.configs['flat/recommended'], files: ['src/**/*.ts'] },
  ...STEPS.map(stepRule),
  {
    // Shared model and text facts sit below every step.
    files: ['src/engine/model.ts', 'src/engine/text/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The engine must not import vscode.' }],
        patterns: [...outside, { group: STEPS.flatMap((s) => [`./${s}`, `./${s}/**`, `../${s}`, `../${s}/**`]).concat(['./brief', '../brief']), message: 'engine/model and engine/text import no step.' }],
      }],
    },
  },
  {
    // Hunt trigger phrases are matched inside word boundaries (src/engine/hunts/trigger.ts): an alternative that looks
    // redundant in an unanchored regex ("apps?|applications?") is needed once the match must end at a word edge, and
    // the groups around interpolated parts keep the alternation scoped.
    files: ['src/engine/hunts/catalogue/**/*.ts'],
    rules: { 'regexp/no-dupe-disjunctions': 'off', 'regexp/no-useless-non-capturing-group': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
