// Builds the two windows of Safekeeper as a multi-page app: `kiosk.html` (the locked home and
// signing station) and `admin.html` (the unlocked admin window). Tauri serves `dist/` at its root,
// so the default base is right. Also configures Vitest for the component tests.
import { fileURLToPath } from "node:url";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";
import { defineConfig } from "vitest/config";

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Tauri prints its own output; keep Vite from wiping it.
  clearScreen: false,
  // Tauri's devUrl is http://localhost:1420, so Vite must be there and nowhere else.
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Source maps would ship the whole UI source inside the app bundle; only for debug builds.
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
    rolldownOptions: {
      input: {
        kiosk: page("kiosk.html"),
        admin: page("admin.html"),
      },
      output: {
        // Code both windows use would otherwise be named after whichever component came first.
        chunkFileNames: "assets/shared-[hash].js",
        assetFileNames: ({ names }) =>
          names.some((name) => /^(kiosk|admin)\./.test(name))
            ? "assets/[name]-[hash][extname]"
            : "assets/shared-[hash][extname]",
      },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.ts"],
    clearMocks: true,
    restoreMocks: true,
  },
});
