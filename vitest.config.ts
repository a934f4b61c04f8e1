import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/import/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 20_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
