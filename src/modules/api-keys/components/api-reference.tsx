'use client';
import { Accordion, Anchor, Badge, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslations } from 'next-intl';

type Operation = {
  tags: string[];
  summary: string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { content?: { 'application/json': { schema: unknown } } }>;
};
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };

const METHOD_COLOR: Record<string, string> = { get: 'blue', post: 'teal', patch: 'orange', delete: 'red' };

/** A readable view of the OpenAPI document: endpoints by tag, with their inputs and answers. */
export function ApiReference({ doc }: { doc: OpenApiDoc }) {
  const t = useTranslations('apiKeys');
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  const ORDER = ['get', 'post', 'patch', 'delete'];
  for (const [path, methods] of Object.entries(doc.paths).sort(([a], [b]) => a.length - b.length || a.localeCompare(b))) {
    for (const [method, op] of Object.entries(methods).sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))) {
      const tag = op.tags[0] ?? '';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return (
    <Stack gap="lg">
      <Text c="dimmed" size="sm" maw={720}>
        {t('docsLead')}{' '}
        <Anchor href="/api/v1/openapi.json" target="_blank">
          {t('openapi')}
        </Anchor>
      </Text>
      {[...byTag.entries()].map(([tag, ops]) => (
        <Stack key={tag} gap="xs">
          <Title order={3}>{tag}</Title>
          <Accordion variant="separated" multiple>
            {ops.map(({ method, path, op }) => {
              const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
              return (
                <Accordion.Item key={method + path} value={method + path}>
                  <Accordion.Control>
                    <Group gap="sm" wrap="nowrap">
                      <Badge color={METHOD_COLOR[method]} w={68} style={{ flexShrink: 0 }}>
                        {method.toUpperCase()}
                      </Badge>
                      <Code style={{ flexShrink: 0 }}>/api/v1{path}</Code>
                      <Text size="sm" c="dimmed" truncate visibleFrom="sm">
                        {op.summary}
                      </Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="xs">
                      <Text size="sm">{op.summary}</Text>
                      {op.parameters?.length ? (
                        <Text size="sm">
                          {op.parameters.map((p) => (
                            <Code key={p.in + p.name} mr={6}>
                              {p.in === 'query' ? `?${p.name}` : p.in === 'header' ? p.name : `{${p.name}}`}
                              {p.required ? '' : '?'}
                            </Code>
                          ))}
                        </Text>
                      ) : null}
                      {op.requestBody && (
                        <>
                          <Text size="sm" fw={600}>
                            {t('request')}
                          </Text>
                          <Code block>{JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</Code>
                        </>
                      )}
                      {success?.[1].content && (
                        <>
                          <Text size="sm" fw={600}>
                            {t('response')} ({success[0]})
                          </Text>
                          <Code block>{JSON.stringify(success[1].content['application/json'].schema, null, 2)}</Code>
                        </>
                      )}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </Stack>
      ))}
    </Stack>
  );
}
