import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built to dist/web, which the server serves.
// The production CSP is strict (script-src 'self'; style-src 'self'), so the build
// must not contain inline scripts or styles: Vite emits external files only.
export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Vite would inline small assets as data: URLs; fonts must come from 'self' (font-src 'self').
    assetsInlineLimit: 0,
    // React, React Router, TanStack Query, i18next and Designsystemet together are ~550 kB.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package has no "sideEffects" field, so every component
        // (Combobox, virtual lists, …) would be bundled. Its modules only export components;
        // the custom elements they rely on come from @digdir/designsystemet-web, which keeps
        // its side effects.
        moduleSideEffects: [{ test: /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false }],
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
