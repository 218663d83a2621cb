import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This folder is its own project inside the handbook repository (which has its own
  // lockfile): without this, Next guesses the repository root and warns.
  outputFileTracingRoot: import.meta.dirname,
  // No sharp: the example must install as pure JS/WASM (StackBlitz WebContainers).
  images: { unoptimized: true },
  poweredByHeader: false,
};

export default nextConfig;
