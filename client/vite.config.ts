import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The client is built into client/dist, which the server serves at /. In dev mode (`npm run dev`)
 * Vite serves it with hot reload and forwards the API paths to the server, so the browser sees one origin.
 */
const api = `http://127.0.0.1:${process.env.PORT ?? "4000"}`;

export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    // cytoscape and recharts are large on their own; one chunk per library keeps the main one small.
    rollupOptions: {
      output: {
        manualChunks: {
          cytoscape: ["cytoscape"],
          recharts: ["recharts"],
        },
      },
    },
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: Number(process.env.CLIENT_PORT ?? "5173"),
    strictPort: true,
    proxy: {
      "/graphql": api,
      "/health": api,
    },
  },
});
