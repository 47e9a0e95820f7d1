import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/unit/setup/privateTemp.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: numeric tests and job-process tests compete for them, so keep the pool small and predictable.
    maxWorkers: 2,
  },
})
