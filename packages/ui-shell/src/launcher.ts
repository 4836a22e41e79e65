// The app launcher's data: one table of the platform's apps and the permission that opens each.
import { hasPermission, type Permission, type Role } from '@sg/access-control';
import type { LocalPortName } from '@sg/runtime-env';

export interface LaunchableApp {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The permission a user's roles must grant for the app to be listed. */
  readonly permission: Permission;
  /** The local component whose port serves the app (`just up`). */
  readonly port: LocalPortName;
  /** The path inside the app the launcher opens. */
  readonly path: string;
}

/** Every app with its opening permission; a new app is one row here. */
export const LAUNCHABLE_APPS: readonly LaunchableApp[] = [
  {
    id: 'bi',
    title: '经营分析',
    description: '指标看板与报表',
    permission: 'bi.read',
    port: 'bi',
    path: '/',
  },
  {
    id: 'console-users',
    title: '用户与机构',
    description: '用户、机构与岗位管理',
    permission: 'admin.users',
    port: 'console',
    path: '/admin/users',
  },
  {
    id: 'console-roles',
    title: '角色授权',
    description: '分配与收回角色',
    permission: 'admin.roles',
    port: 'console',
    path: '/admin/roles',
  },
  {
    id: 'console-sessions',
    title: '会话管理',
    description: '查看与吊销登录会话',
    permission: 'admin.sessions',
    port: 'console',
    path: '/admin/sessions',
  },
  {
    id: 'console-audit',
    title: '审计日志',
    description: '安全审计员查询审计事件',
    permission: 'audit.read',
    port: 'console',
    path: '/audit',
  },
];

/** The apps the roles may open, in table order. */
export function launcherApps(
  roles: readonly Role[],
  apps: readonly LaunchableApp[] = LAUNCHABLE_APPS,
): readonly LaunchableApp[] {
  return apps.filter((app) => hasPermission(roles, app.permission));
}

/** The URL of an app on this machine, from its component's port (`portOf` reads the environment). */
export function appUrl(
  app: LaunchableApp,
  portOf: (name: LocalPortName) => number,
  host: string,
): string {
  return `http://${host}:${String(portOf(app.port))}${app.path}`;
}
