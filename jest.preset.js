const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Integration tests talk to real PostgreSQL and Redis.
  testTimeout: 30000,
  // ESM-only dependencies (Node loads them through require(esm); Jest needs them transpiled).
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
};
