import { describe, expect, it } from 'vitest';
import type { LiveEvent, LiveEventKind } from '@/lib/live-events';
import { goneAfter } from './live-logic';

const ID = '01980000-0000-7000-8000-000000000001';
const event = (kind: LiveEventKind, id = ID): LiveEvent => ({
  eventId: '01980000-0000-7000-8000-0000000000ff',
  kind,
  id,
  businessId: '01980000-0000-7000-8000-0000000000aa',
  actorUserId: null,
  ts: 1,
});

describe('goneAfter', () => {
  it('says a deleted record is gone on its own pages, with the list as the way back', () => {
    expect(goneAfter(event('personnel.deleted'), `/cicekci/personnel/${ID}`)).toEqual({
      type: 'record',
      entity: 'personnel',
      backHref: '/cicekci/personnel',
    });
    expect(goneAfter(event('personnel.deleted'), `/cicekci/personnel/${ID}/edit`)).toMatchObject({ backHref: '/cicekci/personnel' });
  });

  it('leaves other pages alone: lists, other records, updates', () => {
    expect(goneAfter(event('personnel.deleted'), '/cicekci/personnel')).toBeNull();
    expect(goneAfter(event('personnel.deleted'), '/cicekci/personnel/01980000-0000-7000-8000-000000000002')).toBeNull();
    expect(goneAfter(event('personnel.updated'), `/cicekci/personnel/${ID}`)).toBeNull();
    expect(goneAfter(event('personnel.created'), `/cicekci/personnel/${ID}`)).toBeNull();
  });

  it('says the whole business is gone on any of its pages', () => {
    expect(goneAfter(event('business.deleted'), '/cicekci/settings')).toEqual({ type: 'business' });
    expect(goneAfter(event('business.updated'), '/cicekci/settings')).toBeNull();
  });
});
