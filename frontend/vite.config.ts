import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // React, which every screen needs, in a chunk of its own. The rest
        // splits at the app's lazy imports (the workspace, the dialogs, the
        // connection form) — Mantine too, so the Mantine components only the
        // workspace uses load with it and a start reads only what the welcome
        // screen shows.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  // wails dev reads the URL vite prints; a second instance (screenshots) picks another port.
  server: { port: Number(process.env.RSMATE_VITE_PORT) || 5173 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // styles.test.ts reads our split stylesheets and Mantine's as text (?raw), which
    // vitest otherwise empties like every CSS file.
    css: { include: [/\.css\?raw$/] },
    // Two shared cores: Mantine renders are slow in jsdom.
    testTimeout: 20000,
  },
});
