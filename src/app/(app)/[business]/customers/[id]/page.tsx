import { Anchor, Badge, Card, Grid, GridCol, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatMoney } from '@/lib/money';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ReactNode } from 'react';
import { getDb } from '@/server/db/client';
import { requireBusinessPage } from '@/server/auth/session';
import { can, scopeOf } from '@/lib/permissions';
import { isAppError } from '@/lib/errors';
import { AnchorLink, ButtonLink } from '@/components/links';
import { PageHeader } from '@/components/page-header';
import { getBusiness } from '@/modules/businesses';
import { findCompanyPeople, findNotes, findTags, getCustomer } from '@/modules/customers';
import { CustomerActions, CustomerNotes, CustomerTags } from '@/modules/customers/ui';
import { CustomerTimeline } from '@/modules/interactions/ui';
import { CustomerReminders } from '@/modules/reminders/ui';
import { CustomerPurchases } from '@/modules/purchases/ui';
import { CustomerContracts } from '@/modules/contracts/ui';
import { CustomerProjects } from '@/modules/projects/ui';
import { CustomerDeals } from '@/modules/deals/ui';
import { formatCalendarDay, formatDate } from '@/lib/format-date';

const STATUS_COLOR = { lead: 'blue', active: 'teal', inactive: 'gray', lost: 'red' } as const;

async function load(slug: string, id: string) {
  const { ctx } = await requireBusinessPage(slug);
  const customer = await getCustomer(getDb(), ctx, id).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  return { ctx, customer };
}

export async function generateMetadata({ params }: { params: Promise<{ business: string; id: string }> }): Promise<Metadata> {
  const { business: slug, id } = await params;
  return { title: (await load(slug, id)).customer.name };
}

function phoneText(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm" gap="xs">
        <Text fw={600}>{title}</Text>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div style={{ wordBreak: 'break-word' }}>{children}</div>
    </div>
  );
}

export default async function CustomerProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ business: string; id: string }>;
  searchParams: Promise<{ timeline?: string }>;
}) {
  const { business: slug, id } = await params;
  const { timeline } = await searchParams;
  const { ctx, customer: c } = await load(slug, id);
  const db = getDb();
  const [allTags, notes, people, business] = await Promise.all([
    findTags(db, ctx),
    findNotes(db, ctx, c.id),
    c.kind === 'company' ? findCompanyPeople(db, ctx, c.id) : Promise.resolve([]),
    getBusiness(db, ctx),
  ]);
  const t = await getTranslations('customers');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const date = (d: Date | null) => (d ? formatDate(d, locale, ctx.timeZone) : t('profile.never'));
  const money = (minor: number) => formatMoney(minor, business.currency, locale);
  const deleteScope = scopeOf(ctx.role, 'customers', 'delete');
  const canDelete = deleteScope === 'all' || (deleteScope === 'own' && c.ownerId === ctx.personnelId);
  const noteScope = { update: scopeOf(ctx.role, 'interactions', 'update'), delete: scopeOf(ctx.role, 'interactions', 'delete') };
  const mayNote = (scope: false | 'all' | 'own', authorId: string | null) => scope === 'all' || (scope === 'own' && authorId === ctx.personnelId);
  const base = `/${slug}/customers`;
  const none = <Text c="dimmed">{tc('none')}</Text>;

  const consent = (given: boolean, at: Date | null, source: string | null) =>
    given ? (
      <Text size="sm">
        {at ? t('fields.consentGiven', { date: formatDate(at, locale, ctx.timeZone) }) : ''}
        {source ? ` · ${t('fields.consentVia', { source })}` : ''}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t('fields.consentNone')}
      </Text>
    );

  return (
    <Stack gap="md">
      <AnchorLink href={base} size="sm">
        ← {t('profile.backToList')}
      </AnchorLink>
      <PageHeader
        title={c.name}
        actions={
          <CustomerActions
            slug={slug}
            id={c.id}
            name={c.name}
            kind={c.kind}
            canEdit={can(ctx.role, 'customers', 'update')}
            canDelete={canDelete}
          />
        }
      >
        <Group gap={6}>
          <Badge variant="outline" color="gray">
            {t(`kind.${c.kind}`)}
          </Badge>
          <Badge variant="light" color={STATUS_COLOR[c.status]} data-testid="customer-status" data-status={c.status}>
            {t(`status.${c.status}`)}
          </Badge>
          {c.jobTitle && (
            <Text size="sm" c="dimmed">
              {c.jobTitle}
            </Text>
          )}
          {c.companyId && (
            <AnchorLink href={`${base}/${c.companyId}`} size="sm" data-testid="profile-company">
              {c.companyName}
            </AnchorLink>
          )}
        </Group>
      </PageHeader>

      {/* Purchase figures are null for a role that may not read purchases: no card at all then. */}
      <SimpleGrid cols={c.lifetimeValueMinor === null ? 1 : 3} spacing={{ base: 6, sm: 'sm' }}>
        {c.lifetimeValueMinor !== null && (
          <Card withBorder padding="sm" data-testid="profile-lifetime-value">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={2}>
              {t('profile.lifetimeValue')}
            </Text>
            <Text fw={650} fz={{ base: 'sm', sm: 'lg' }}>
              {money(c.lifetimeValueMinor)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('profile.purchases', { count: c.purchaseCount ?? 0 })}
            </Text>
          </Card>
        )}
        {c.lifetimeValueMinor !== null && (
          <Card withBorder padding="sm">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={2}>
              {t('profile.lastPurchase')}
            </Text>
            <Text fw={650} fz={{ base: 'sm', sm: 'lg' }}>
              {date(c.lastPurchaseAt)}
            </Text>
          </Card>
        )}
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} lineClamp={2}>
            {t('profile.lastInteraction')}
          </Text>
          <Text fw={650} fz={{ base: 'sm', sm: 'lg' }}>
            {date(c.lastInteractionAt)}
          </Text>
        </Card>
      </SimpleGrid>

      <Grid gap="md">
        <GridCol span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md" data-testid="customer-main">
            {/* Sections of other modules: async server components taking { ctx, slug, customerId }. */}
            <CustomerNotes
              slug={slug}
              customerId={c.id}
              canCreate={can(ctx.role, 'interactions', 'create')}
              notes={notes.map((n) => ({
                id: n.id,
                body: n.body,
                pinned: n.pinned,
                authorName: n.authorName,
                version: n.version,
                createdAt: n.createdAt.toISOString(),
                canEdit: mayNote(noteScope.update, n.authorId),
                canDelete: mayNote(noteScope.delete, n.authorId),
              }))}
            />
            <CustomerTimeline ctx={ctx} slug={slug} customerId={c.id} type={timeline} />
            <CustomerReminders ctx={ctx} slug={slug} customerId={c.id} />
            <CustomerPurchases ctx={ctx} slug={slug} customerId={c.id} />
            <CustomerDeals ctx={ctx} slug={slug} customerId={c.id} />
            <CustomerProjects ctx={ctx} slug={slug} customerId={c.id} />
            <CustomerContracts ctx={ctx} slug={slug} customerId={c.id} />
          </Stack>
        </GridCol>
        <GridCol span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Section title={t('profile.contact')}>
              <Stack gap="sm">
                <Field label={t('fields.emails')}>
                  {c.emails.length
                    ? c.emails.map((e) => (
                        <div key={e}>
                          <Anchor href={`mailto:${e}`} size="sm">
                            {e}
                          </Anchor>
                        </div>
                      ))
                    : none}
                </Field>
                <Field label={t('fields.phones')}>
                  {c.phones.length
                    ? c.phones.map((p) => (
                        <div key={p}>
                          <Anchor href={`tel:${p}`} size="sm">
                            {phoneText(p)}
                          </Anchor>
                        </div>
                      ))
                    : none}
                </Field>
                <Field label={t('fields.address')}>
                  {c.address || c.city || c.country ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {[c.address, [c.city, c.country].filter(Boolean).join(', ')].filter(Boolean).join('\n')}
                    </Text>
                  ) : (
                    none
                  )}
                </Field>
                {c.kind === 'company' && (
                  <SimpleGrid cols={2}>
                    <Field label={t('fields.taxNumber')}>{c.taxNumber ? <Text size="sm">{c.taxNumber}</Text> : none}</Field>
                    <Field label={t('fields.taxOffice')}>{c.taxOffice ? <Text size="sm">{c.taxOffice}</Text> : none}</Field>
                  </SimpleGrid>
                )}
                {c.birthday && (
                  <Field label={t('fields.birthday')}>
                    <Text size="sm">{formatCalendarDay(c.birthday, locale, 'long')}</Text>
                  </Field>
                )}
              </Stack>
            </Section>

            <Section title={t('profile.tags')}>
              <CustomerTags
                slug={slug}
                customerId={c.id}
                tags={c.tags}
                allTags={allTags.map((tag) => ({ id: tag.id, name: tag.name, color: tag.color }))}
                canEdit={can(ctx.role, 'customers', 'update')}
              />
            </Section>

            {c.kind === 'company' && (
              <Section
                title={t('profile.people')}
                action={
                  can(ctx.role, 'customers', 'create') && (
                    <ButtonLink href={`${base}/new?company=${c.id}`} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
                      {t('profile.addPerson')}
                    </ButtonLink>
                  )
                }
              >
                {people.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('profile.noPeople')}
                  </Text>
                ) : (
                  <Stack gap={6} data-testid="company-people">
                    {people.map((p) => (
                      <div key={p.id}>
                        <AnchorLink href={`${base}/${p.id}`} size="sm" fw={600}>
                          {p.name}
                        </AnchorLink>
                        {p.jobTitle && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · {p.jobTitle}
                          </Text>
                        )}
                      </div>
                    ))}
                  </Stack>
                )}
              </Section>
            )}

            <Section title={t('fields.consent')}>
              <Stack gap="sm">
                <Field label={t('fields.consentEmail')}>{consent(c.emailConsent, c.emailConsentAt, c.emailConsentSource)}</Field>
                <Field label={t('fields.consentSms')}>{consent(c.smsConsent, c.smsConsentAt, c.smsConsentSource)}</Field>
              </Stack>
            </Section>

            <Section title={t('profile.details')}>
              <SimpleGrid cols={2} spacing="sm">
                <Field label={t('fields.owner')}>{c.ownerName ? <Text size="sm">{c.ownerName}</Text> : none}</Field>
                <Field label={t('fields.source')}>{c.source ? <Text size="sm">{c.source}</Text> : none}</Field>
                <Field label={t('profile.createdAt')}>
                  <Text size="sm">{formatDate(c.createdAt, locale, ctx.timeZone)}</Text>
                </Field>
              </SimpleGrid>
              {c.notes && (
                <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.notes}
                </Text>
              )}
            </Section>
          </Stack>
        </GridCol>
      </Grid>
    </Stack>
  );
}
