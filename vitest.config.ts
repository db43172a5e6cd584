import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'eval/**/*.test.ts', 'bench/**/*.test.ts'],
    // Generous: the CLI tests start real processes (each loads the NLP models), and CI machines
    // are small and shared. These are hang guards, not speed goals (those live in bench/).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
