import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The client lives in client/ and builds to dist/client, which the server serves. */
const serverPort = Number(process.env.PORT ?? 8080);

export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // Regex keys: in dev, client modules live at /api/*.ts and /collab/*.ts too, and must not be proxied.
    proxy: {
      "^/api/(?!.*\\.tsx?(\\?.*)?$)": { target: `http://127.0.0.1:${serverPort}` },
      "^/collab$": { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
});
