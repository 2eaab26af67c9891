// typescript-eslint's recommended rules over the product, its tools and its tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.run/', 'coverage/', 'relevance/runs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Arabic text handling matches combining marks (harakat) and code point ranges one by one, on purpose.
      'no-misleading-character-class': 'off',
      'no-control-regex': 'off',
    },
  },
  // The pages' scripts run in the browser as ES modules, served as written.
  { files: ['web/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'module' } },
  { files: ['web/docs.js'], languageOptions: { globals: { SwaggerUIBundle: 'readonly' } } },
);
