export { INTERACTION_TYPES, MESSAGE_CHANNELS, OUTBOX_STATUSES, type InteractionType, type MessageChannel, type OutboxStatus } from './schemas';
