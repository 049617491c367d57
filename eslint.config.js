// Lint with type information over every package, app and test: the rules that find what `tsc` does not (a promise
// nobody awaits, an async callback whose promise is dropped, a switch that misses a member, a check that is always
// true). `npm run lint` runs it at zero warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Settings are read in one place, where they are parsed, checked and documented: a server's or a tool's config.ts.
const processEnvOutsideConfig = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'Read settings in config.ts, where they are parsed and checked.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '.test-results/**',
      'docs/**',
      // Programs written against the packed packages; the packaging test type-checks them in an empty project.
      'apps/server/test/client/samples/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // The build and test configurations sit outside every package's tsconfig; they are typed as a default project.
          allowDefaultProject: ['*.ts', 'packages/*/vitest.config.ts', 'apps/*/vitest.config.ts'],
          defaultProject: 'tsconfig.base.json',
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The repository's own scripts are plain JavaScript, which carries no types to check.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    files: ['packages/*/src/**', 'apps/server/src/**', 'apps/console/src/**', 'apps/bench/src/**'],
    ignores: ['**/config.ts'],
    rules: processEnvOutsideConfig,
  },
);
