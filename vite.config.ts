import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { RENDERER_CSP } from './shared/security.ts';

/** Puts the one CSP into the built page, so it applies under file:// in Electron too. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'sourcebench-csp',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is loaded from file:// by Electron and over HTTP.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The CSP forbids inline scripts, including Vite's module preload polyfill.
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Loaded from disk or loopback, never over a network: one bundle is fine.
    chunkSizeWarningLimit: 2000,
  },
});
