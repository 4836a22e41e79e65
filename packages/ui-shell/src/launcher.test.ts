import { describe, expect, it } from 'vitest';
import { appUrl, LAUNCHABLE_APPS, launcherApps } from './launcher.ts';

const ids = (apps: readonly { id: string }[]) => apps.map((app) => app.id);

describe('the app launcher', () => {
  it('lists BI only for an analyst', () => {
    expect(ids(launcherApps(['analyst']))).toEqual(['bi']);
  });

  it('lists the admin pages, not BI or audit, for the system administrator', () => {
    expect(ids(launcherApps(['system_admin']))).toEqual([
      'console-users',
      'console-roles',
      'console-sessions',
    ]);
  });

  it('lists only the audit viewer for the security auditor', () => {
    expect(ids(launcherApps(['security_auditor']))).toEqual(['console-audit']);
  });

  it('lists nothing for a user without roles', () => {
    expect(launcherApps([])).toEqual([]);
  });

  it('builds an app URL from its component port', () => {
    const bi = LAUNCHABLE_APPS.find((app) => app.id === 'bi');
    expect(bi && appUrl(bi, () => 3000, '127.0.0.1')).toBe('http://127.0.0.1:3000/');
  });
});
