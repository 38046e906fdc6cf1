import { Anchor, Badge, Group } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslations } from 'next-intl';
import type { OutboxAttachmentRef } from '@/server/db/schema';
import type { OutboxStatus } from '../schemas';

const COLORS: Record<OutboxStatus, string> = { queued: 'gray', held: 'yellow', sent: 'teal', failed: 'red' };

/** Where an attached document opens in the app; the attachment itself is rendered when the mail goes out. */
function attachmentHref(slug: string, ref: OutboxAttachmentRef): string {
  return `/${slug}/quotes/${ref.id}/pdf`;
}

/**
 * The state of an e-mail or SMS sent from Tezgah (queued, held, sent, failed) and its attached
 * documents, for a timeline entry. Renders on the server and in the browser alike.
 */
export function MessageDelivery({ slug, message }: { slug: string; message: { status: OutboxStatus; attachments: OutboxAttachmentRef[] } }) {
  const t = useTranslations('interactions');
  return (
    <Group gap={6} wrap="wrap" data-testid="message-delivery" data-status={message.status}>
      <Badge size="xs" variant="light" color={COLORS[message.status]}>
        {t(`outbox.statuses.${message.status}`)}
      </Badge>
      {message.attachments.map((ref) => (
        <Anchor key={`${ref.kind}:${ref.id}`} href={attachmentHref(slug, ref)} size="xs" target="_blank" data-testid="message-attachment">
          <Group gap={2} component="span" wrap="nowrap" display="inline-flex">
            <IconPaperclip size={12} />
            {t(`attachments.${ref.kind}`)}
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}
