import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor, authorize, routeAccessFor } from './policy.js';

const user = (id: number, role: 'patient' | 'redaktoer' | 'admin' = 'patient'): Actor => ({
  kind: 'user',
  id,
  role,
  name: `Person ${id}`,
  emailVerified: true,
  sessionId: id * 10,
});

describe('route access', () => {
  it('lets anyone through a public route, sends a visitor to sign in, and refuses the wrong role', () => {
    expect(routeAccessFor('public', ANONYMOUS)).toBe('allowed');
    expect(routeAccessFor({ signedIn: true }, ANONYMOUS)).toBe('sign-in');
    expect(routeAccessFor({ signedIn: true }, user(1))).toBe('allowed');
    expect(routeAccessFor({ roles: ['admin'] }, ANONYMOUS)).toBe('sign-in');
    expect(routeAccessFor({ roles: ['admin'] }, user(1))).toBe('forbidden');
    expect(routeAccessFor({ roles: ['redaktoer', 'admin'] }, user(1, 'redaktoer'))).toBe('allowed');
  });
});

describe('authorize', () => {
  const clinic = { type: 'clinic' as const, id: 7, members: [{ userId: 1, role: 'klinikejer' as const }, { userId: 2, role: 'behandler' as const }] };

  it('lets the owner and administrators manage a clinic, and nobody else', () => {
    expect(authorize(user(1), 'manage', clinic)).toBe(true);
    expect(authorize(user(2), 'manage', clinic)).toBe(false);
    expect(authorize(user(3), 'manage', clinic)).toBe(false);
    expect(authorize(user(4, 'redaktoer'), 'manage', clinic)).toBe(false);
    expect(authorize(user(5, 'admin'), 'manage', clinic)).toBe(true);
    expect(authorize(ANONYMOUS, 'manage', clinic)).toBe(false);
    // Without its members, a clinic is managed by administrators only.
    expect(authorize(user(1), 'manage', { type: 'clinic', id: 7 })).toBe(false);
  });

  it('keeps an account to its holder and administrators, and denies what no rule allows', () => {
    expect(authorize(user(1), 'read', { type: 'user', id: 1 })).toBe(true);
    expect(authorize(user(2), 'read', { type: 'user', id: 1 })).toBe(false);
    expect(authorize(user(9, 'admin'), 'manage', { type: 'user', id: 1 })).toBe(true);
    expect(authorize(ANONYMOUS, 'read', { type: 'article' })).toBe(true);
    expect(authorize(user(1, 'admin'), 'moderate', { type: 'article' })).toBe(false);
    expect(authorize(user(1, 'redaktoer'), 'read', { type: 'audit_log' })).toBe(false);
    expect(authorize(user(1, 'admin'), 'read', { type: 'audit_log' })).toBe(true);
  });
});

describe('health data (genoptræning)', () => {
  const members = [
    { userId: 1, role: 'klinikejer' as const },
    { userId: 2, role: 'behandler' as const },
    { userId: 3, role: 'behandler' as const },
    { userId: 4, role: 'behandler' as const },
  ];
  // 2 and 3 have a checked autorisations-ID; 4 has not.
  const data = (over: Partial<{ shared: boolean; locked: boolean }> = {}) => ({
    type: 'health_data' as const,
    patientId: 9,
    prescriberId: 2,
    shared: over.shared ?? true,
    locked: over.locked ?? false,
    members,
    authorised: [2, 3],
  });

  it('lets the patient and the prescriber read; a colleague only while the program is shared', () => {
    expect(authorize(user(9), 'read', data())).toBe(true);
    expect(authorize(user(2), 'read', data({ shared: false }))).toBe(true);
    expect(authorize(user(3), 'read', data())).toBe(true);
    expect(authorize(user(3), 'read', data({ shared: false }))).toBe(false);
  });

  it('shows nothing to an unchecked behandler, the owner, editors, administrators or others', () => {
    expect(authorize(user(4), 'read', data())).toBe(false);
    expect(authorize(user(1), 'read', data())).toBe(false);
    expect(authorize(user(5, 'redaktoer'), 'read', data())).toBe(false);
    expect(authorize(user(6, 'admin'), 'read', data())).toBe(false);
    expect(authorize(user(7), 'read', data())).toBe(false);
    expect(authorize(ANONYMOUS, 'read', data())).toBe(false);
  });

  it('keeps logging to the patient, and a locked program from everyone', () => {
    expect(authorize(user(9), 'write', data())).toBe(true);
    expect(authorize(user(2), 'write', data())).toBe(false);
    expect(authorize(user(2), 'manage', data())).toBe(true);
    expect(authorize(user(9), 'manage', data())).toBe(false);
    expect(authorize(user(9), 'read', data({ locked: true }))).toBe(false);
    expect(authorize(user(2), 'read', data({ locked: true }))).toBe(false);
  });

  it('lets any behandler build programs, and only a checked one invite, once the agreement is accepted', () => {
    const practice = (dpaAccepted: boolean) => ({ type: 'practice' as const, members, authorised: [2, 3], dpaAccepted });
    expect(authorize(user(4), 'write', practice(true))).toBe(true);
    expect(authorize(user(1), 'write', practice(true))).toBe(false);
    expect(authorize(user(2), 'invite', practice(true))).toBe(true);
    expect(authorize(user(4), 'invite', practice(true))).toBe(false);
    expect(authorize(user(2), 'invite', practice(false))).toBe(false);
  });
});
