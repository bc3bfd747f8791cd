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
);
