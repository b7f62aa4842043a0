import { build } from 'vite';
await build({ configFile: '/work/main/vite.config.ts', logLevel: 'error', build: { outDir: process.argv[2], emptyOutDir: true, sourcemap: false, minify: false } });
