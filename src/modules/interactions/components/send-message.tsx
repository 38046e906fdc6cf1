'use client';
import { Alert, Badge, Button, Card, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconMail, IconMessage } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { sendEmailAction, sendSmsAction } from '../actions';
import { renderTemplate, TEMPLATE_FIELDS, type TemplateValues } from '../render';
import { SMS_MAX_LENGTH } from '../schemas';

export type TemplateChoice = { id: string; name: string; subject: string | null; body: string };
export type Recipient = { id: string; name: string; email: string | null; phone: string | null; emailConsent: boolean; smsConsent: boolean };

function ConsentBadge({ yes, labels }: { yes: boolean; labels: [string, string] }) {
  return (
    <Badge variant="light" color={yes ? 'teal' : 'gray'} size="sm" style={{ overflow: 'visible' }}>
      {yes ? labels[0] : labels[1]}
    </Badge>
  );
}

/** Writes an e-mail to one customer, from a template or from scratch, with a live preview. */
export function SendEmailButton({
  slug,
  customer,
  templates,
  values,
}: {
  slug: string;
  customer: Recipient;
  templates: TemplateChoice[];
  /** The template fields for this customer, the business and the sender, as the server fills them. */
  values: TemplateValues;
}) {
  const t = useTranslations('interactions');
  const tc = useTranslations('common');
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const { form, onSubmit, submitting } = useActionForm({
    initialValues: { templateId: null as string | null, subject: '', body: '' },
    action: (v) => sendEmailAction(slug, { customerId: customer.id, ...v }),
    onSuccess: () => {
      close();
      form.reset();
      router.refresh();
    },
  });

  return (
    <>
      <Button variant="default" leftSection={<IconMail size={16} />} onClick={open} data-testid="send-email">
        {t('sendEmail')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('email.title', { name: customer.name })} size="lg">
        {!customer.email ? (
          <Alert color="yellow" icon={<IconAlertTriangle size={16} />}>
            {t('email.noAddress')}
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <Group gap="xs" wrap="wrap">
                <Text size="sm">
                  {t('email.to')}: <b>{customer.email}</b>
                </Text>
                <ConsentBadge yes={customer.emailConsent} labels={[t('email.consentYes'), t('email.consentNo')]} />
              </Group>
              {!customer.emailConsent && (
                <Text size="xs" c="dimmed">
                  {t('email.consentNote')}
                </Text>
              )}
              {templates.length > 0 && (
                <Select
                  label={t('email.template')}
                  placeholder={t('email.noTemplate')}
                  data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
                  clearable
                  value={form.values.templateId}
                  onChange={(id) => {
                    const tpl = templates.find((x) => x.id === id);
                    form.setValues({ templateId: id, ...(tpl ? { subject: tpl.subject ?? '', body: tpl.body } : {}) });
                  }}
                />
              )}
              <TextInput label={t('email.subject')} required maxLength={300} {...form.getInputProps('subject')} />
              <Textarea label={t('email.body')} required autosize minRows={5} maxRows={14} {...form.getInputProps('body')} />
              <Text size="xs" c="dimmed">
                {t('email.fields', { fields: TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(' ') })}
              </Text>
              {(form.values.subject || form.values.body) && (
                <Card withBorder padding="sm" bg="var(--mantine-color-default-hover)">
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('email.preview')}
                  </Text>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {renderTemplate(form.values.subject, values)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {renderTemplate(form.values.body, values)}
                  </Text>
                </Card>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {tc('cancel')}
                </Button>
                <Button type="submit" loading={submitting} leftSection={<IconMail size={16} />}>
                  {t('email.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}

/** Writes an SMS to the customer's first phone number. */
export function SendSmsButton({ slug, customer, templates, values }: { slug: string; customer: Recipient; templates: TemplateChoice[]; values: TemplateValues }) {
  const t = useTranslations('interactions');
  const tc = useTranslations('common');
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const { form, onSubmit, submitting } = useActionForm({
    initialValues: { templateId: null as string | null, body: '' },
    action: (v) => sendSmsAction(slug, { customerId: customer.id, ...v }),
    onSuccess: () => {
      close();
      form.reset();
      router.refresh();
    },
  });
  const rendered = renderTemplate(form.values.body, values);

  return (
    <>
      <Button variant="default" leftSection={<IconMessage size={16} />} onClick={open} data-testid="send-sms">
        {t('sendSms')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('sms.title', { name: customer.name })} size="md">
        {!customer.phone ? (
          <Alert color="yellow" icon={<IconAlertTriangle size={16} />}>
            {t('sms.noPhone')}
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <Group gap="xs" wrap="wrap">
                <Text size="sm">
                  {t('sms.to')}: <b>{customer.phone}</b>
                </Text>
                <ConsentBadge yes={customer.smsConsent} labels={[t('sms.consentYes'), t('sms.consentNo')]} />
              </Group>
              {templates.length > 0 && (
                <Select
                  label={t('email.template')}
                  placeholder={t('email.noTemplate')}
                  data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
                  clearable
                  value={form.values.templateId}
                  onChange={(id) => {
                    const tpl = templates.find((x) => x.id === id);
                    form.setValues({ templateId: id, ...(tpl ? { body: tpl.body } : {}) });
                  }}
                />
              )}
              <Textarea label={t('sms.body')} required autosize minRows={3} maxRows={8} maxLength={SMS_MAX_LENGTH} {...form.getInputProps('body')} />
              {form.values.body && (
                <Card withBorder padding="sm" bg="var(--mantine-color-default-hover)">
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('email.preview')} · {t('sms.length', { count: rendered.length })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {rendered}
                  </Text>
                </Card>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {tc('cancel')}
                </Button>
                <Button type="submit" loading={submitting} leftSection={<IconMessage size={16} />}>
                  {t('email.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
