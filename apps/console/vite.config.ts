import { LOCAL_PORTS } from '@sg/runtime-env';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  // SvelteKit 3 takes its configuration here (svelte.config.js is no longer read).
  plugins: [sveltekit({ adapter: adapter({ out: 'build' }) })],
  // Native and server-only modules reached through the workspace packages stay Node imports.
  ssr: { external: ['@node-rs/argon2', 'pg'] },
  server: { port: 5174, strictPort: true },
  preview: { port: LOCAL_PORTS.console.port },
});
