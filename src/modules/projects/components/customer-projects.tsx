import { Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/links';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import { findProjects } from '../queries';
import { ProjectList } from './project-list';

/** A customer's projects with their progress, for the customer's page; within the caller's scope. */
export async function CustomerProjects({ ctx, slug, customerId }: { ctx: Ctx; slug: string; customerId: string }) {
  if (!can(ctx.role, 'projects', 'read')) return null;
  const projects = await findProjects(getDb(), ctx, { customerId, limit: 50 });
  const t = await getTranslations('projects');
  return (
    <Stack gap="sm" data-testid="customer-projects">
      <Group justify="space-between">
        <Text fw={600}>{t('customerSection')}</Text>
        {can(ctx.role, 'projects', 'create') && (
          <ButtonLink href={`/${slug}/projects/new?${new URLSearchParams({ customerId })}`} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
            {t('new')}
          </ButtonLink>
        )}
      </Group>
      {projects.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('emptyCustomer')}
        </Text>
      ) : (
        <ProjectList slug={slug} items={projects} compact />
      )}
    </Stack>
  );
}
