import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time instead of bundled: PGlite finds its WASM and data
  // files next to its own modules, which bundling would break.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // This folder is its own project, even inside the handbook repository (which has its own
  // lockfile): without this, Next guesses the repository root and warns.
  outputFileTracingRoot: import.meta.dirname,
  // No sharp: keeps the install pure JS/WASM so the example runs in StackBlitz WebContainers.
  images: { unoptimized: true },
};

export default nextConfig;
