// ESLint (flat config): the React hooks rules over the app's TypeScript. Type
// checking stays with tsc; this catches what tsc cannot (hook order, effect
// dependencies, React's render rules). `npm run lint`; `make test` runs it.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'src/wailsjs/**', 'node_modules/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only says the React Compiler would skip components using TanStack
      // Virtual; we do not run the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // The API types are the generated bindings: a double cast would hide a Go
    // DTO change from the compiler. Test fixtures may build partial data.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/*.test-util.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression.expression[typeAnnotation.type="TSUnknownKeyword"]',
          message: 'No `as unknown as`: use the generated API types (src/api), narrow with a check, or fix the Go DTO (ts_type tag).',
        },
      ],
    },
  },
  {
    // src/api is the only door to the generated bindings.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/wailsjs/**'], message: 'Import the backend through src/api, never src/wailsjs.' }] },
      ],
    },
  },
);
