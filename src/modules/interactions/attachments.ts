import 'server-only';
import type { Executor } from '@/server/db/client';
import type { OutboxAttachmentRef } from '@/server/db/schema';

export type AttachmentFile = { filename: string; content: Buffer; contentType: string };

/**
 * Renders the file behind one kind of attachment reference when the message goes out (a quote's
 * PDF, as it is at sending time); null when the document no longer exists.
 */
export type AttachmentRenderer = (db: Executor, businessId: string, id: string) => Promise<AttachmentFile | null>;

type Renderers = Partial<Record<OutboxAttachmentRef['kind'], AttachmentRenderer>>;
// On globalThis for the same reason as the event subscribers: every bundle of the process sees
// the renderers the composition root provided once.
const renderers = ((globalThis as Record<string, unknown>).__tezgahAttachmentRenderers ??= {}) as Renderers;

/**
 * The modules that own attached documents provide their renderers through the composition root, so
 * that this module, which sends the messages, depends on none of them.
 */
export function provideAttachmentRenderer(kind: OutboxAttachmentRef['kind'], render: AttachmentRenderer): void {
  renderers[kind] = render;
}

/** The files of a message's attachment references; one that no longer exists is left out. */
export async function renderAttachments(db: Executor, businessId: string, refs: readonly OutboxAttachmentRef[]): Promise<AttachmentFile[]> {
  const files: AttachmentFile[] = [];
  for (const ref of refs) {
    const render = renderers[ref.kind];
    // A message that names a document nobody can render must not go out without it.
    if (!render) throw new Error(`No renderer is provided for ${ref.kind} attachments`);
    const file = await render(db, businessId, ref.id);
    if (file) files.push(file);
  }
  return files;
}
