// Lint for the whole workspace. The module-boundary rule enforces ARCHITECTURE.md's arrows:
// apps -> plugins -> plugin-sdk -> contracts; apps -> libs -> contracts; plugins see only
// plugin-sdk and contracts; the console sees only what is shared.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', 'tmp', 'data', 'plugins/cms-wordpress/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['^.*/package\\.json$'],
          depConstraints: [
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:contract'] },
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:sdk', 'type:contract'] },
            { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:sdk', 'type:contract'] },
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel', 'type:sdk', 'type:contract'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:sdk', 'type:contract'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:plugin', 'type:domain', 'type:kernel', 'type:sdk', 'type:contract'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // Decorator metadata needs the runtime import of injected classes.
    files: ['apps/api/**/*.ts', 'libs/**/*.ts', 'plugins/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
];
