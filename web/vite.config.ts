import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// root = web/, output = web/dist (served by the Fastify server with SPA fallback).
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: {
      // the Host header is kept: the server checks a state change's Origin against it (CSRF)
      '/api': { target: process.env.FANGYUAN_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
