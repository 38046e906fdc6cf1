'use client';
/**
 * Mantine's Button and Anchor rendered as Next links. Server Components cannot hand the Link
 * component itself to a client component, so they use these instead of `component={Link}`.
 */
import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import Link from 'next/link';
import type { ReactNode } from 'react';

type LinkProps = { href: string; children?: ReactNode; 'aria-label'?: string };

export function ButtonLink(props: ButtonProps & LinkProps) {
  return <Button component={Link} {...props} />;
}

export function AnchorLink(props: AnchorProps & LinkProps) {
  return <Anchor component={Link} {...props} />;
}
