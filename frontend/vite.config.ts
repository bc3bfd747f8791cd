import { createHash } from 'node:crypto';
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * index.html's start-up parts. Under the dev server: none (build "dev"). In a
 * build: the build's id (window.rsmateBuild, which a saved first screen must
 * match), and the entry script moved into window.rsmateEntry, which index.html
 * loads after a saved first screen has been painted; a modulepreload still
 * fetches it while the page parses.
 */
function startUp(): Plugin {
  return {
    name: 'rsmate-start-up',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html.replace('__RSMATE_BUILD__', 'dev').replace('__RSMATE_ENTRY__', '');
        // Chunk names carry their content's hash: any change makes a new id.
        const id = createHash('sha256').update(Object.keys(ctx.bundle).sort().join('\n')).digest('hex').slice(0, 16);
        const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>\n?/;
        const entry = tag.exec(html)?.[1];
        if (!entry) throw new Error('index.html: no entry script to move');
        const tags: HtmlTagDescriptor[] = [
          { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: entry }, injectTo: 'head-prepend' },
        ];
        return {
          html: html.replace(tag, '').replace('__RSMATE_BUILD__', id).replace('__RSMATE_ENTRY__', entry),
          tags,
        };
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), startUp()],
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
