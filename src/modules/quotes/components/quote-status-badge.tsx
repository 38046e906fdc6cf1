import { Badge } from '@mantine/core';
import type { QuoteStatus } from '../schemas';

const COLORS: Record<QuoteStatus, string> = {
  draft: 'gray',
  queued: 'gray',
  held: 'yellow',
  sent: 'blue',
  failed: 'red',
  accepted: 'teal',
  rejected: 'red',
  expired: 'orange',
};

export function QuoteStatusBadge({ status, label }: { status: QuoteStatus; label: string }) {
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="quote-status" data-status={status}>
      {label}
    </Badge>
  );
}
