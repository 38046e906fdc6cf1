import { describe, expect, it } from 'vitest';
import { personnelChangeRefusal } from './rules';

const member = { role: 'member', active: true } as const;
const owner = { role: 'owner', active: true } as const;

describe('personnel change rules', () => {
  it('refuses a demotion of the last owner but allows it with two', () => {
    expect(personnelChangeRefusal({ actorRole: 'owner', isSelf: true, target: owner, next: { role: 'admin', active: true }, activeOwners: 1 })).toBe('lastOwner');
    expect(personnelChangeRefusal({ actorRole: 'owner', isSelf: true, target: owner, next: { role: 'admin', active: true }, activeOwners: 2 })).toBeNull();
    expect(personnelChangeRefusal({ actorRole: 'owner', isSelf: false, target: owner, next: { role: 'owner', active: false }, activeOwners: 1 })).toBe('lastOwner');
  });

  it('refuses raising one’s own role', () => {
    expect(personnelChangeRefusal({ actorRole: 'admin', isSelf: true, target: { role: 'admin', active: true }, next: { role: 'owner', active: true }, activeOwners: 0 })).toBe('ownRole');
  });

  it('leaves owners to owners and roles to those who may give them', () => {
    expect(personnelChangeRefusal({ actorRole: 'admin', isSelf: false, target: owner, next: 'delete', activeOwners: 2 })).toBe('ownerOnly');
    expect(personnelChangeRefusal({ actorRole: 'admin', isSelf: false, target: member, next: { role: 'owner', active: true }, activeOwners: 0 })).toBe('roleNotAllowed');
    expect(personnelChangeRefusal({ actorRole: 'admin', isSelf: false, target: member, next: { role: 'manager', active: true }, activeOwners: 0 })).toBeNull();
  });
});
