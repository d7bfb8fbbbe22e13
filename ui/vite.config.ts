import { defineConfig } from "vite";

// The UI ships inside the app: no remote origins, relative asset paths.
export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
});
