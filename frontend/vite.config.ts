import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { chunkSizeWarningLimit: 2000 },
  // wails dev reads the URL vite prints; a second instance (screenshots) picks another port.
  server: { port: Number(process.env.RSMATE_VITE_PORT) || 5173 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Two shared cores: Mantine renders are slow in jsdom.
    testTimeout: 20000,
  },
});
