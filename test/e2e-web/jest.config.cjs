module.exports = {
  displayName: 'e2e-web',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Real processes and one headless Chromium; each step waits on the page, not on a clock.
  testTimeout: 90000,
};
