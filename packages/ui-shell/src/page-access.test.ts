import { describe, expect, it } from 'vitest';
import { pageAccess } from './page-access.ts';

const url = new URL('http://127.0.0.1:3100/admin/users?page=2');
const user = (roles: ('analyst' | 'system_admin')[]) => ({
  requestId: 'r1',
  user: { userId: 'u1', login: 'demo', displayName: '演示', orgUnitId: 'o1', roles },
});

describe('page access', () => {
  it('sends a signed-out visitor to sign-in with the page as redirectTo', () => {
    expect(pageAccess({ requestId: 'r1', user: null }, url, 'admin.users')).toEqual({
      kind: 'sign-in',
      location: '/signin?redirectTo=%2Fadmin%2Fusers%3Fpage%3D2',
    });
  });

  it('forbids a signed-in user without the permission, in Chinese', () => {
    expect(pageAccess(user(['analyst']), url, 'admin.users')).toMatchObject({
      kind: 'forbidden',
      message: '您没有访问此页面的权限',
    });
  });

  it('allows a user whose roles grant the permission, and any signed-in user without one', () => {
    expect(pageAccess(user(['system_admin']), url, 'admin.users').kind).toBe('allowed');
    expect(pageAccess(user(['analyst']), url, null).kind).toBe('allowed');
  });
});
