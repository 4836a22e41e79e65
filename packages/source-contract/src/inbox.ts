// The inbox folder of a file-delivering source (tax drops, bank drops): where its setting comes
// from, and a check that it exists before a landing reads it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceConfigError, SourceInboxMissingError } from './source-error.ts';
import type { SourceEnvironment } from './source-definition.ts';

export interface InboxSetting {
  /** The variable naming the folder, e.g. `SG_TAX_INBOX_DIR`. */
  readonly variable: string;
  /** The local default under `$SG_DATA_DIR`, e.g. `['tax', 'inbox']`. */
  readonly local: readonly string[];
  /** Chinese name of the folder, e.g. `税务月度文件投递目录`. */
  readonly title: string;
}

/** The inbox folder (absolute): the variable's value; locally defaulted under `$SG_DATA_DIR`. */
export function inboxDirFromEnvironment(
  { environment, env, dataDir }: SourceEnvironment,
  setting: InboxSetting,
): string {
  const value = env[setting.variable];
  if (value !== undefined) return path.resolve(value);
  if (environment === 'production') {
    throw new SourceConfigError(`${setting.title}未配置：生产环境必须设置 ${setting.variable}`);
  }
  return path.join(dataDir, ...setting.local);
}

/** Throws SourceInboxMissingError (not retryable) unless `inboxDir` is a folder. */
export async function assertInboxExists(inboxDir: string, title: string): Promise<void> {
  const found = await stat(inboxDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!found) throw new SourceInboxMissingError(title, inboxDir);
}
