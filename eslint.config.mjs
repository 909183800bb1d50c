import nx from '@nx/eslint-plugin';

const DOMAIN_BANNED_IMPORTS = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'bullmq',
  'ioredis',
  'fastify',
  'react',
  'react-dom',
  'antd',
  'argon2',
];

/** Module boundaries that forbid something: pure domain code, server code kept out of the browser. */
function boundaries({ inTests }) {
  const testing = inTests ? ['type:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: true,
      allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
      depConstraints: [
        {
          sourceTag: 'type:domain',
          onlyDependOnLibsWithTags: ['type:domain'],
          bannedExternalImports: DOMAIN_BANNED_IMPORTS,
        },
        { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
        { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
        { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
        { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain', ...testing] },
        { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util', 'type:domain', ...testing] },
        {
          sourceTag: 'type:feature',
          onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util', 'type:domain', ...testing],
        },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
        {
          sourceTag: 'type:app',
          onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util', 'type:domain', ...testing],
        },
        { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:data', 'type:util', 'type:domain'] },
      ],
    },
  ];
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vite.config.*.timestamp*', 'var/**', 'docs/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ inTests: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests (and only tests) may use the test helpers.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/src/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ inTests: true }),
    },
  },
];
