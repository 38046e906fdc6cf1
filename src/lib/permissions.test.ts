import { describe, expect, it } from 'vitest';
import { assignableRoles, can, scopeOf } from './permissions';

describe('permission table', () => {
  it('reads the cells of PERMISSIONS.md', () => {
    expect(scopeOf('owner', 'business', 'delete')).toBe('all');
    expect(scopeOf('admin', 'business', 'delete')).toBe(false);
    expect(scopeOf('sales', 'customers', 'delete')).toBe('own');
    expect(scopeOf('sales', 'customers', 'update')).toBe('all');
    expect(scopeOf('member', 'projects', 'read')).toBe('own');
    expect(scopeOf('viewer', 'personnel', 'update')).toBe(false);
    expect(can('viewer', 'tasks', 'read')).toBe(true);
    expect(can('marketing', 'tags', 'delete')).toBe(true);
    expect(can('support', 'deals', 'create')).toBe(false);
  });

  it('limits which roles each role may give', () => {
    expect(assignableRoles('owner')).toContain('owner');
    expect(assignableRoles('admin')).not.toContain('owner');
    expect([...assignableRoles('manager')].sort()).toEqual(['marketing', 'member', 'sales', 'support']);
    expect(assignableRoles('viewer')).toEqual([]);
  });
});
