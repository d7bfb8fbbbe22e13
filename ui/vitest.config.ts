import { defineConfig } from "vitest/config";

// Unit tests of the view logic (pure functions) in node.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
