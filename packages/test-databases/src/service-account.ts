// The unprivileged account a server runs as when the tests run as root: PostgreSQL refuses to run
// as root, and MariaDB should not. Debian's packages create `postgres` and `mysql`. As any other
// user the servers simply run as that user.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServerKind } from './server-urls.ts';

export interface ServiceAccount {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** Debian's accounts for each server, created by its package. */
export const SERVICE_ACCOUNT_NAME: Readonly<Record<ServerKind, string>> = {
  postgres: 'postgres',
  mariadb: 'mysql',
};

/** The account `name` in /etc/passwd text (name:password:uid:gid:…), or undefined. */
export function parsePasswdEntry(passwd: string, name: string): ServiceAccount | undefined {
  for (const line of passwd.split('\n')) {
    const [entryName, , uid, gid] = line.split(':');
    if (entryName !== name || uid === undefined || gid === undefined) continue;
    return { name, uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

/** undefined when not root (the server runs as the current user); else Debian's account. */
export function serviceAccount(kind: ServerKind): ServiceAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = SERVICE_ACCOUNT_NAME[kind];
  const account = parsePasswdEntry(readFileSync('/etc/passwd', 'utf8'), name);
  if (account === undefined) {
    throw new Error(
      `the tests run as root, so ${kind} must run as the account "${name}" that Debian's package ` +
        `creates, and there is none: run \`npx just setup-test\``,
    );
  }
  return account;
}

/** Mode bits that let this account search (traverse) a directory with this owner and group. */
function canSearch(mode: number, owner: number, group: number, account: ServiceAccount): boolean {
  if (account.uid === owner) return (mode & 0o100) !== 0;
  if (account.gid === group) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * Can the account reach entries inside `dir` (search permission on dir and every ancestor)? The
 * server process has only its primary group (Node drops supplementary groups on setuid).
 */
export function canTraverse(dir: string, account: ServiceAccount): boolean {
  let path = resolve(dir);
  for (;;) {
    const stat = statSync(path);
    if (!canSearch(stat.mode, stat.uid, stat.gid, account)) return false;
    const parent = dirname(path);
    if (parent === path) return true;
    path = parent;
  }
}
