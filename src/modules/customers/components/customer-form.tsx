'use client';
import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  List,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useActionForm } from '@/components/forms/use-action-form';
import { createCustomerAction, updateCustomerAction } from '../actions';
import { CUSTOMER_STATUSES, customerFieldsSchema, type CustomerKind, type CustomerStatus } from '../schemas';
import { rowsUrl, type ListPage, type Option } from './types';
import { DateField } from '@/components/forms/date-field';

export type CustomerFormValues = {
  kind: CustomerKind;
  name: string;
  companyId: string;
  jobTitle: string;
  emails: string[];
  phones: string[];
  address: string;
  city: string;
  country: string;
  taxNumber: string;
  taxOffice: string;
  source: string;
  status: CustomerStatus;
  ownerId: string;
  birthday: string;
  notes: string;
  emailConsent: boolean;
  emailConsentSource: string;
  smsConsent: boolean;
  smsConsentSource: string;
};

const EMPTY: CustomerFormValues = {
  kind: 'person',
  name: '',
  companyId: '',
  jobTitle: '',
  emails: [],
  phones: [],
  address: '',
  city: '',
  country: '',
  taxNumber: '',
  taxOffice: '',
  source: '',
  status: 'lead',
  ownerId: '',
  birthday: '',
  notes: '',
  emailConsent: false,
  emailConsentSource: '',
  smsConsent: false,
  smsConsentSource: '',
};

type Duplicate = { id: string; name: string; kind: CustomerKind; reasons: ('email' | 'phone' | 'name')[] };

export function CustomerForm({
  slug,
  owners,
  edit,
  initial,
  initialCompany,
}: {
  slug: string;
  owners: Option[];
  edit?: { id: string; version: number };
  initial?: Partial<CustomerFormValues>;
  /** The company already chosen (editing a person, or "add a person" from a company). */
  initialCompany?: Option | null;
}) {
  const t = useTranslations('customers');
  const tc = useTranslations('common');
  const router = useRouter();
  const { form, onSubmit, submitting } = useActionForm<CustomerFormValues, unknown>({
    initialValues: { ...EMPTY, ...initial },
    schema: customerFieldsSchema,
    action: (values) => (edit ? updateCustomerAction(slug, { ...values, id: edit.id, version: edit.version }) : createCustomerAction(slug, values)),
    onSuccess: (data) => {
      const id = edit?.id ?? (data as { id: string }).id;
      router.push(`/${slug}/customers/${id}`);
      router.refresh();
    },
  });
  const values = form.getValues();

  // Company picker: searched on the server, so it works with any number of companies.
  const [companySearch, setCompanySearch] = useState('');
  const [debouncedCompany] = useDebouncedValue(companySearch, 250);
  const [companies, setCompanies] = useState<Option[]>(initialCompany ? [initialCompany] : []);
  useEffect(() => {
    if (values.kind !== 'person') return;
    const controller = new AbortController();
    fetch(rowsUrl(slug, 'rows', { filters: { kind: 'company', search: debouncedCompany || undefined }, limit: 30 }), { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<ListPage>) : null))
      .then((page) => {
        if (!page) return;
        setCompanies((prev) => {
          const chosen = prev.find((c) => c.id === form.getValues().companyId);
          const list = page.data.map((c) => ({ id: c.id, name: c.name }));
          return chosen && !list.some((c) => c.id === chosen.id) ? [chosen, ...list] : list;
        });
      })
      .catch(() => undefined);
    return () => controller.abort();
    // form is stable; only the search and the kind matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, debouncedCompany, values.kind]);

  // Likely duplicates of what is typed: same e-mail, same phone or a very similar name.
  const [probe] = useDebouncedValue(JSON.stringify({ name: values.name, emails: values.emails, phones: values.phones }), 400);
  const [found, setFound] = useState<{ probe: string; list: Duplicate[] }>({ probe: '', list: [] });
  const probed = JSON.parse(probe) as { name: string; emails: string[]; phones: string[] };
  const worthChecking = probed.name.trim().length >= 3 || probed.emails.length > 0 || probed.phones.length > 0;
  // Only the answer to what is typed now counts: an older answer is not shown.
  const duplicates = worthChecking && found.probe === probe ? found.list : [];
  useEffect(() => {
    const { name, emails, phones } = JSON.parse(probe) as { name: string; emails: string[]; phones: string[] };
    if (name.trim().length < 3 && emails.length === 0 && phones.length === 0) return;
    const controller = new AbortController();
    fetch(rowsUrl(slug, 'duplicates', { name, emails, phones, excludeId: edit?.id }), { signal: controller.signal })
      .then((res) => (res.ok ? (res.json() as Promise<{ data: Duplicate[] }>) : { data: [] }))
      .then((body) => setFound({ probe, list: body.data }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [probe, slug, edit?.id]);

  const isCompany = values.kind === 'company';

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <SegmentedControl
          data={[
            { value: 'person', label: t('kind.person') },
            { value: 'company', label: t('kind.company') },
          ]}
          aria-label={t('fields.kind')}
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={isCompany ? t('fields.companyName') : t('fields.name')}
          required
          autoFocus={!edit}
          autoComplete="off"
          data-testid="customer-name"
          {...form.getInputProps('name')}
        />
        {duplicates.length > 0 && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('duplicates.title')} data-testid="duplicate-warning">
            <List size="sm" spacing={2}>
              {duplicates.map((d) => (
                <List.Item key={d.id}>
                  <Anchor component={Link} href={`/${slug}/customers/${d.id}`} target="_blank" size="sm" fw={600}>
                    {d.name}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    ({d.reasons.map((r) => t(`duplicates.${r}`)).join(', ')})
                  </Text>
                </List.Item>
              ))}
            </List>
            <Text size="xs" mt={6}>
              {t('duplicates.text')}
            </Text>
          </Alert>
        )}
        {!isCompany && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('fields.company')}
              placeholder={t('fields.companySearch')}
              data={companies.map((c) => ({ value: c.id, label: c.name }))}
              searchable
              clearable
              searchValue={companySearch}
              onSearchChange={setCompanySearch}
              filter={({ options }) => options}
              nothingFoundMessage={t('noResults')}
              data-testid="customer-company"
              {...form.getInputProps('companyId')}
              value={values.companyId || null}
              onChange={(v) => form.setFieldValue('companyId', v ?? '')}
            />
            <TextInput label={t('fields.jobTitle')} {...form.getInputProps('jobTitle')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TagsInput
            label={t('fields.emails')}
            description={t('fields.contactHint')}
            data-testid="customer-emails"
            splitChars={[',', ' ', ';']}
            {...form.getInputProps('emails')}
          />
          <TagsInput label={t('fields.phones')} description={t('fields.contactHint')} data-testid="customer-phones" splitChars={[',', ';']} {...form.getInputProps('phones')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('fields.status')}
            data={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <Select
            label={t('fields.owner')}
            placeholder={t('fields.noOwner')}
            data={owners.map((o) => ({ value: o.id, label: o.name }))}
            searchable
            clearable
            {...form.getInputProps('ownerId')}
            value={values.ownerId || null}
            onChange={(v) => form.setFieldValue('ownerId', v ?? '')}
          />
          <TextInput label={t('fields.source')} {...form.getInputProps('source')} />
          {!isCompany && <DateField label={t('fields.birthday')} {...form.getInputProps('birthday')} onChange={(v) => form.setFieldValue('birthday', v)} />}
          {isCompany && <TextInput label={t('fields.taxNumber')} inputMode="numeric" {...form.getInputProps('taxNumber')} />}
          {isCompany && <TextInput label={t('fields.taxOffice')} {...form.getInputProps('taxOffice')} />}
        </SimpleGrid>
        <Textarea label={t('fields.address')} autosize minRows={2} {...form.getInputProps('address')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('fields.city')} {...form.getInputProps('city')} />
          <TextInput label={t('fields.country')} {...form.getInputProps('country')} />
        </SimpleGrid>
        <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Divider label={t('fields.consent')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Stack gap={6}>
            <Switch label={t('fields.emailConsent')} {...form.getInputProps('emailConsent', { type: 'checkbox' })} />
            {values.emailConsent && <TextInput size="xs" aria-label={t('fields.consentSource')} placeholder={t('fields.consentSource')} {...form.getInputProps('emailConsentSource')} />}
          </Stack>
          <Stack gap={6}>
            <Switch label={t('fields.smsConsent')} {...form.getInputProps('smsConsent', { type: 'checkbox' })} />
            {values.smsConsent && <TextInput size="xs" aria-label={t('fields.consentSource')} placeholder={t('fields.consentSource')} {...form.getInputProps('smsConsentSource')} />}
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => router.back()}>
            {tc('cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="customer-save">
            {edit ? tc('save') : tc('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
