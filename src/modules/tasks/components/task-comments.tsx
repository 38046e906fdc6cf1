'use client';
import { Avatar, Button, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Fragment, useMemo, useRef, useState, type ReactNode } from 'react';
import { addCommentAction } from '../actions';
import { initials } from './task-card';
import { formatDateTime } from '@/lib/format-date';

type Person = { id: string; name: string };
export type CommentData = { id: string; body: string; author: Person | null; createdAt: string };

const MENTION = /@\[([^\]\n]{1,120})\]\(([0-9a-f-]{36})\)/gi;

/** A comment's text with its `@[Name](id)` mentions shown as highlighted names. */
function renderBody(body: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    parts.push(<Fragment key={`t${last}`}>{body.slice(last, match.index)}</Fragment>);
    parts.push(
      <Text key={`m${match.index}`} span fw={600} c="blue" data-mention={match[2]}>
        @{match[1]}
      </Text>,
    );
    last = match.index! + match[0].length;
  }
  parts.push(<Fragment key="end">{body.slice(last)}</Fragment>);
  return parts;
}

/**
 * Comments of a task, with @mentions: typing @ and a few letters offers the business's people;
 * choosing one writes `@[Name](id)` into the text, which the server reads to notify them.
 */
export function TaskComments({ slug, taskId, comments, people, canComment, timeZone }: { slug: string; taskId: string; comments: CommentData[]; people: Person[]; canComment: boolean; timeZone: string }) {
  const t = useTranslations('tasks.comments');
  const locale = useLocale();
  const router = useRouter();
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  const query = /(?:^|\s)@([^\s@[\]()]{0,30})$/.exec(body.slice(0, caret))?.[1];
  const suggestions = useMemo(() => {
    if (query === undefined) return [];
    const q = query.toLocaleLowerCase('tr');
    return people.filter((p) => p.name.toLocaleLowerCase('tr').split(/\s+/).some((part) => part.startsWith(q)) || p.name.toLocaleLowerCase('tr').startsWith(q)).slice(0, 6);
  }, [people, query]);

  const choose = (person: Person) => {
    const before = body.slice(0, caret).replace(/@([^\s@[\]()]{0,30})$/, `@[${person.name}](${person.id}) `);
    const next = before + body.slice(caret);
    setBody(next);
    setCaret(before.length);
    setHighlight(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(before.length, before.length);
    });
  };

  const submit = async () => {
    setBusy(true);
    const result = await addCommentAction(slug, { taskId, body });
    setBusy(false);
    notifications.show({ color: result.ok ? 'teal' : 'red', message: result.message });
    if (result.ok) {
      setBody('');
      setCaret(0);
      router.refresh();
    }
  };

  return (
    <Stack gap="sm">
      {comments.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('empty')}
        </Text>
      )}
      {comments.map((c) => (
        <Group key={c.id} align="flex-start" gap="sm" wrap="nowrap" data-testid="task-comment">
          <Avatar size="sm" radius="xl" color="initials" name={c.author?.name ?? '?'}>
            {initials(c.author?.name ?? '?')}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {c.author?.name ?? t('unknownAuthor')}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.createdAt, locale, timeZone)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {renderBody(c.body)}
            </Text>
          </Stack>
        </Group>
      ))}
      {canComment && (
        <Stack gap={6} pos="relative">
          <Textarea
            ref={area}
            placeholder={t('placeholder')}
            aria-label={t('placeholder')}
            autosize
            minRows={2}
            maxRows={8}
            value={body}
            data-testid="comment-body"
            onChange={(e) => {
              setBody(e.currentTarget.value);
              setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
              setHighlight(0);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onKeyDown={(e) => {
              if (suggestions.length === 0) return;
              if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                e.preventDefault();
                setHighlight((h) => (h + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
              } else if (e.key === 'Enter' || e.key === 'Tab') {
                e.preventDefault();
                choose(suggestions[highlight] ?? suggestions[0]!);
              }
            }}
          />
          {suggestions.length > 0 && (
            <Paper withBorder shadow="sm" p={4} role="listbox" aria-label={t('placeholder')} data-testid="mention-suggestions">
              {suggestions.map((p, i) => (
                <UnstyledButton
                  key={p.id}
                  role="option"
                  aria-selected={i === highlight}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(p);
                  }}
                  px="xs"
                  py={4}
                  w="100%"
                  bg={i === highlight ? 'var(--mantine-color-default-hover)' : undefined}
                  style={{ borderRadius: 4 }}
                >
                  <Text size="sm">{p.name}</Text>
                </UnstyledButton>
              ))}
            </Paper>
          )}
          <Group justify="flex-end">
            <Button size="xs" onClick={submit} loading={busy} disabled={body.trim() === ''} data-testid="comment-send">
              {t('send')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
