// `make test` lints first: ESLint's and typescript-eslint's recommended rules over the code, tests and scripts
// (Prettier, run by `npm run lint` after ESLint, checks the layout).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // A name starting with `_` is left out on purpose (`const { name: _name, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Control characters are matched on purpose: escaping and stripping them is a safety feature.
      'no-control-regex': 'off',
      // Prettier breaks code at 120; comments are wrapped by `npm run format`; a long message or pattern stays whole.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  // Injected into the CommonJS bundle, where `require` and `__filename` are what there is.
  {
    files: ['scripts/import-meta-url.mjs'],
    languageOptions: { globals: globals.commonjs },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
