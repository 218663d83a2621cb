import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // No sharp: the example must install as pure JS/WASM (StackBlitz WebContainers).
  images: { unoptimized: true },
  // The service client is the only thing between this app and the service: no other origins.
  poweredByHeader: false,
};

export default nextConfig;
