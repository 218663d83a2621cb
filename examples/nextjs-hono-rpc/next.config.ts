import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // No sharp: keeps the install pure JS/WASM so the example runs in StackBlitz WebContainers.
  images: { unoptimized: true },
};

export default nextConfig;
