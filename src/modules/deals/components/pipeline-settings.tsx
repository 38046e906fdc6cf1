'use client';
import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { confirmDelete } from '@/components/forms/confirm';
import {
  createPipelineAction,
  createStageAction,
  deletePipelineAction,
  deleteStageAction,
  reorderStagesAction,
  updatePipelineAction,
  updateStageAction,
} from '../actions';
import { STAGE_KINDS, type StageKind } from '../schemas';

type Stage = { id: string; name: string; probability: number; kind: StageKind; version: number; dealCount: number };
type Pipeline = { id: string; name: string; version: number; projectTemplateId: string | null; stages: Stage[] };
type Result = { ok: boolean; message: string };

function useRun() {
  const router = useRouter();
  return async (call: () => Promise<Result>) => {
    const result = await call();
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) router.refresh();
    return result.ok;
  };
}

/** Pipelines with their stages: rename, reorder, add, delete, and the project template of won deals. */
export function PipelineSettings({ slug, pipelines, templates, canEdit }: { slug: string; pipelines: Pipeline[]; templates: { value: string; label: string }[]; canEdit: boolean }) {
  const t = useTranslations('deals');
  const run = useRun();
  const [name, setName] = useState('');
  return (
    <Stack gap="md" maw={860}>
      <Text c="dimmed" size="sm">
        {t('settings.intro')}
      </Text>
      {pipelines.map((p) => (
        <PipelineCard key={`${p.id}:${p.version}`} slug={slug} pipeline={p} templates={templates} canEdit={canEdit} canDelete={pipelines.length > 1} />
      ))}
      {canEdit && (
        <Group align="flex-end" gap="xs">
          <TextInput label={t('settings.newPipeline')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} />
          <Button leftSection={<IconPlus size={16} />} disabled={!name.trim()} onClick={async () => (await run(() => createPipelineAction(slug, { name, projectTemplateId: null }))) && setName('')}>
            {t('settings.newPipeline')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function PipelineCard({ slug, pipeline, templates, canEdit, canDelete }: { slug: string; pipeline: Pipeline; templates: { value: string; label: string }[]; canEdit: boolean; canDelete: boolean }) {
  const t = useTranslations('deals');
  const tc = useTranslations('common');
  const run = useRun();
  const [name, setName] = useState(pipeline.name);
  const [template, setTemplate] = useState<string | null>(pipeline.projectTemplateId);
  const [stageName, setStageName] = useState('');
  const dirty = name !== pipeline.name || template !== pipeline.projectTemplateId;
  const move = (index: number, by: number) => {
    const ids = pipeline.stages.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void run(() => reorderStagesAction(slug, { pipelineId: pipeline.id, stageIds: ids }));
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="pipeline-card">
      <Stack gap="sm">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('settings.pipelineName')} value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!canEdit} maxLength={100} style={{ flex: '1 1 200px' }} />
          <Select
            label={t('settings.projectTemplate')}
            placeholder={t('settings.projectTemplateNone')}
            data={templates}
            value={template}
            onChange={setTemplate}
            clearable
            disabled={!canEdit}
            style={{ flex: '1 1 200px' }}
          />
          {canEdit && (
            <Button variant="default" disabled={!dirty || !name.trim()} onClick={() => void run(() => updatePipelineAction(slug, { id: pipeline.id, version: pipeline.version, name, projectTemplateId: template }))}>
              {tc('save')}
            </Button>
          )}
          {canEdit && canDelete && (
            <Tooltip label={tc('delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={tc('delete')}
                onClick={async () => {
                  if (await confirmDelete({ title: t('settings.deletePipelineTitle'), body: t('settings.deletePipelineBody', { name: pipeline.name }), confirm: tc('delete'), cancel: tc('cancel') }))
                    await run(() => deletePipelineAction(slug, { id: pipeline.id }));
                }}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <Title order={3} size="h5">
          {t('settings.stages')}
        </Title>
        {pipeline.stages.map((stage, index) => (
          <StageRow key={`${stage.id}:${stage.version}`} slug={slug} stage={stage} canEdit={canEdit} first={index === 0} last={index === pipeline.stages.length - 1} onMove={(by) => move(index, by)} />
        ))}
        {canEdit && (
          <Group gap="xs" align="flex-end">
            <TextInput label={t('settings.stageName')} value={stageName} onChange={(e) => setStageName(e.currentTarget.value)} maxLength={100} />
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              disabled={!stageName.trim()}
              onClick={async () => (await run(() => createStageAction(slug, { pipelineId: pipeline.id, name: stageName, probability: 50, kind: 'open' }))) && setStageName('')}
            >
              {t('settings.addStage')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function StageRow({ slug, stage, canEdit, first, last, onMove }: { slug: string; stage: Stage; canEdit: boolean; first: boolean; last: boolean; onMove: (by: number) => void }) {
  const t = useTranslations('deals');
  const tc = useTranslations('common');
  const run = useRun();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState<number | string>(stage.probability);
  const [kind, setKind] = useState<StageKind>(stage.kind);
  const dirty = name !== stage.name || Number(probability) !== stage.probability || kind !== stage.kind;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="stage-row">
      <Stack gap={0}>
        <ActionIcon variant="subtle" size="sm" disabled={!canEdit || first} onClick={() => onMove(-1)} aria-label={t('settings.moveUp')}>
          <IconArrowUp size={14} />
        </ActionIcon>
        <ActionIcon variant="subtle" size="sm" disabled={!canEdit || last} onClick={() => onMove(1)} aria-label={t('settings.moveDown')}>
          <IconArrowDown size={14} />
        </ActionIcon>
      </Stack>
      <TextInput aria-label={t('settings.stageName')} value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!canEdit} maxLength={100} style={{ flex: '1 1 160px' }} />
      <NumberInput aria-label={t('fields.probability')} value={probability} onChange={setProbability} min={0} max={100} allowDecimal={false} suffix="%" w={90} disabled={!canEdit} />
      <Select aria-label={t('settings.kind')} data={STAGE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as StageKind)} allowDeselect={false} w={130} disabled={!canEdit} />
      <Text size="xs" c="dimmed" w={70}>
        {t('settings.dealCount', { count: stage.dealCount })}
      </Text>
      {canEdit && (
        <Button variant="default" size="sm" disabled={!dirty || !name.trim()} onClick={() => void run(() => updateStageAction(slug, { id: stage.id, version: stage.version, name, probability: Number(probability), kind }))}>
          {tc('save')}
        </Button>
      )}
      {canEdit && (
        <Tooltip label={stage.dealCount > 0 ? t('settings.stageHasDealsHint') : tc('delete')}>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={tc('delete')}
            onClick={async () => {
              if (await confirmDelete({ title: t('settings.deleteStageTitle'), body: t('settings.deleteStageBody', { name: stage.name }), confirm: tc('delete'), cancel: tc('cancel') }))
                await run(() => deleteStageAction(slug, { id: stage.id }));
            }}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
