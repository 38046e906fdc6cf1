import { Group, Stack, Text } from '@mantine/core';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import type { Ctx } from '@/server/auth/context';
import { can } from '@/lib/permissions';
import {
  findCustomerTimeline,
  getCustomerContact,
  getSenderContext,
  listPersonnelOptions,
  listTemplates,
} from '../queries';
import { templateValues } from '../render';
import { InteractionList } from './interaction-list';
import { LogCallButton } from './log-call-button';
import { NewInteractionButton } from './new-interaction-button';
import { SendEmailButton, SendSmsButton } from './send-message';
import { TimelineTypeFilter } from './timeline-type-filter';
import { INTERACTION_TYPES, type InteractionType } from '../schemas';

/**
 * A customer's timeline for the customer profile: every interaction and the notes of the notes
 * box, newest first, with "load more", a type filter (`type`, from the page's URL), and the quick
 * actions (log a call in at most three clicks, send an e-mail or an SMS).
 * Reads everything itself, scoped by `ctx`; the page only places it.
 */
export async function CustomerTimeline({ ctx, slug, customerId, type: wanted }: { ctx: Ctx; slug: string; customerId: string; type?: string }) {
  const db = getDb();
  const t = await getTranslations('interactions');
  const type = INTERACTION_TYPES.find((v) => v === wanted) as InteractionType | undefined;
  const [customer, page, sender, personnelOptions, templates] = await Promise.all([
    getCustomerContact(db, ctx, customerId),
    findCustomerTimeline(db, ctx, { customerId, type, limit: 20 }),
    getSenderContext(db, ctx),
    listPersonnelOptions(db, ctx),
    can(ctx.role, 'interactions', 'create') ? listTemplates(db, ctx) : Promise.resolve([]),
  ]);
  const canCreate = can(ctx.role, 'interactions', 'create');
  const values = templateValues({ customer, business: sender.business, personnel: sender.personnel });
  const recipient = {
    id: customer.id,
    name: customer.name,
    email: customer.emails[0] ?? null,
    phone: customer.phones[0] ?? null,
    emailConsent: customer.emailConsent,
    smsConsent: customer.smsConsent,
  };
  const pick = (channel: 'email' | 'sms') =>
    templates.filter((tpl) => tpl.channel === channel).map((tpl) => ({ id: tpl.id, name: tpl.name, subject: tpl.subject, body: tpl.body }));

  return (
    <Stack gap="sm" data-testid="customer-timeline">
      <Group justify="space-between" align="center" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Text component="h2" fw={650} fz="lg" m={0}>
            {t('timeline')}
          </Text>
          <TimelineTypeFilter value={type ?? null} />
        </Group>
        {canCreate && (
          <Group gap="xs" wrap="wrap">
            <LogCallButton slug={slug} customer={{ id: customer.id, name: customer.name }} selfPersonnelId={ctx.personnelId} />
            <SendEmailButton slug={slug} customer={recipient} templates={pick('email')} values={values} />
            <SendSmsButton slug={slug} customer={recipient} templates={pick('sms')} values={values} />
            <NewInteractionButton
              slug={slug}
              timeZone={sender.timeZone}
              personnelOptions={personnelOptions}
              selfPersonnelId={ctx.personnelId}
              defaultCustomers={[{ id: customer.id, name: customer.name, email: recipient.email, phone: recipient.phone }]}
              variant="default"
            />
          </Group>
        )}
      </Group>
      <InteractionList
        key={`${type ?? ''}|${page.data.map((i) => `${i.id}:${i.version}`).join(',')}`}
        slug={slug}
        timeZone={sender.timeZone}
        initial={page}
        filters={type ? { customerId, type } : { customerId }}
        timeline
        personnelOptions={personnelOptions}
        selfPersonnelId={ctx.personnelId}
        showCustomers={false}
        emptyText={t('emptyText')}
      />
    </Stack>
  );
}
