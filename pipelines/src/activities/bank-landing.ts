import { BANK_ENTITIES, landBankDrops } from '@sg/connector-bank';
import { landingAssetKey } from '../assets/registry.ts';
import type { PipelineResources } from '../resources.ts';
import { asActivityError } from './activity-errors.ts';
import type { BankSourceMetadata } from './activity-metadata.ts';
import { assertInboxExists, landingMetadata, withLake } from './landing-support.ts';

/**
 * Every complete drop in the bank inbox (`landBankDrops`), landed as one window into
 * `raw_bank.{accounts,loans,loan_schedules,repayments,transactions}`. Landed drops stay in the
 * inbox (the connector never moves delivered files), so re-running a window lands the same rows.
 */
export async function landBankInboxWindow(
  resources: PipelineResources,
  window: string,
): Promise<BankSourceMetadata> {
  const inboxDir = resources.inboxes.bank;
  await assertInboxExists(inboxDir, '银行文件投递目录');
  try {
    const result = await withLake(resources.lake, (lake) =>
      landBankDrops(lake, { inboxDir, window }),
    );
    return {
      source: 'bank',
      window,
      dropIds: result.dropIds,
      fileCount: result.files.length,
      unlistedFiles: result.unlistedFiles,
      collapsedDuplicates: Object.fromEntries(
        BANK_ENTITIES.map((entity) => [
          landingAssetKey('bank', entity),
          result.entities[entity].collapsedDuplicates,
        ]),
      ),
      landings: BANK_ENTITIES.map((entity) =>
        landingMetadata('bank', entity, window, result.entities[entity]),
      ),
    };
  } catch (error) {
    throw asActivityError(error);
  }
}
