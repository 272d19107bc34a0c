import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const sharedDir = fileURLToPath(new URL('src/shared/', import.meta.url));
const api = 'http://localhost:3000';

/**
 * The web imports constants (NEEDS …) and pickText from src/shared, whose modules also build Zod schemas at
 * load time. Declaring `z` and the Z… schemas of src/shared pure lets the bundler drop those schemas, and
 * with them Zod, from the browser bundle (about 25 kB gzip).
 */
function sharedSchemaNames(): string[] {
  const names = new Set<string>(['z']);
  for (const file of readdirSync(sharedDir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(`${sharedDir}${file}`, 'utf8');
    for (const match of source.matchAll(/\b(?:const|function)\s+(Z[A-Za-z0-9_]*)/g)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return [...names];
}

/** Warns when Zod reaches a browser chunk anyway (a schema not named Z…, say). */
function warnOnZodInBrowser(): Plugin {
  return {
    name: 'merimna:no-zod-in-browser',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && Object.keys(chunk.modules).some((id) => id.includes('/node_modules/zod/'))) {
          this.warn(`Zod is bundled into ${chunk.fileName}; check what the web imports from src/shared.`);
        }
      }
    },
  };
}

/** Web build: the public portal (index.html) and the staff area (app/index.html), served by the API server from dist/web. */
export default defineConfig({
  root,
  plugins: [react(), warnOnZodInBrowser()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        portal: fileURLToPath(new URL('index.html', import.meta.url)),
        app: fileURLToPath(new URL('app/index.html', import.meta.url)),
      },
      treeshake: {
        manualPureFunctions: sharedSchemaNames(),
      },
      output: {
        // React in a chunk of its own (it changes rarely, so browsers keep it cached across releases);
        // what the portal and the staff area share (the page frame, i18n, styles) in a common chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'common', minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});
