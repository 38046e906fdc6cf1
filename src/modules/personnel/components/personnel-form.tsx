'use client';
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionForm } from '@/components/forms/use-action-form';
import { assignableRoles, ROLES, type Role } from '@/lib/permissions';
import { createPersonnelAction, updatePersonnelAction } from '../actions';
import { createPersonnelSchema, updatePersonnelSchema } from '../schemas';

export type PersonnelFormValues = {
  name: string;
  email: string;
  phone: string;
  title: string;
  department: string;
  role: Role;
  active: boolean;
  invite: boolean;
};

export function PersonnelForm({
  slug,
  actorRole,
  edit,
}: {
  slug: string;
  actorRole: Role;
  edit?: { id: string; version: number; isSelf: boolean; values: Omit<PersonnelFormValues, 'invite'> };
}) {
  const t = useTranslations('personnel');
  const tr = useTranslations('roles');
  const tc = useTranslations('common');
  const router = useRouter();
  const allowed = assignableRoles(actorRole);
  // The current role stays visible even when this user could not give it.
  const roleOptions = ROLES.filter((r) => allowed.includes(r) || r === edit?.values.role).map((r) => ({
    value: r,
    label: tr(r),
    disabled: !allowed.includes(r),
  }));
  const { form, onSubmit, submitting } = useActionForm<PersonnelFormValues, unknown>({
    initialValues: {
      ...(edit?.values ?? { name: '', email: '', phone: '', title: '', department: '', role: allowed.includes('member') ? 'member' : allowed[0] ?? 'member', active: true }),
      invite: false,
    } as PersonnelFormValues,
    schema: edit ? updatePersonnelSchema.omit({ id: true, version: true }) : createPersonnelSchema,
    action: (values) => {
      if (edit) {
        const { invite: _invite, ...fields } = values;
        return updatePersonnelAction(slug, { ...fields, id: edit.id, version: edit.version });
      }
      return createPersonnelAction(slug, values);
    },
    onSuccess: (data) => {
      const id = edit?.id ?? (data as { id: string }).id;
      router.push(`/${slug}/personnel/${id}`);
      router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label={t('name')} required autoFocus={!edit} autoComplete="off" {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('email')} type="email" autoComplete="off" {...form.getInputProps('email')} />
          <TextInput label={t('phone')} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          <TextInput label={t('jobTitle')} {...form.getInputProps('title')} />
          <TextInput label={t('department')} {...form.getInputProps('department')} />
          <Select
            label={t('role')}
            data={roleOptions}
            allowDeselect={false}
            disabled={edit?.isSelf && actorRole !== 'owner'}
            {...form.getInputProps('role')}
          />
        </SimpleGrid>
        <Switch label={t('active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        {!edit && (
          <Checkbox label={t('invite')} description={t('inviteHint')} {...form.getInputProps('invite', { type: 'checkbox' })} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => router.back()}>
            {tc('cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {edit ? tc('save') : tc('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
