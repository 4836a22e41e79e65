// The semantic layer's token, minted from the signed-in user: who, which org unit, which data scope
// (for `bi.read`), so the semantic layer can filter rows. Short-lived; never sent to another party.
import { dataScopeFor } from '@sg/access-control';
import { signToken } from '@sg/api-token';
import type { SignedInUser } from './context.ts';

export const SEMANTIC_TOKEN_SECONDS = 5 * 60;

/** null when the user may not read BI at all. */
export function mintSemanticToken(
  user: SignedInUser,
  secret: string,
  now: Date = new Date(),
): string | null {
  const dataScope = dataScopeFor(user.roles, 'bi.read');
  if (dataScope === undefined) return null;
  return signToken(
    {
      sub: user.userId,
      login: user.login,
      roles: user.roles,
      org_unit_id: user.orgUnitId,
      data_scope: dataScope,
    },
    secret,
    { expiresInSeconds: SEMANTIC_TOKEN_SECONDS, now },
  );
}
