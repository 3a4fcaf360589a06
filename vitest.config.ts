import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts", "tests/**/*.test.tsx"],
    setupFiles: ["tests/setup/network-guard.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database (a temporary SQLite file, or a schema on TEST_DATABASE_URL).
    fileParallelism: true,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
