import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessDbConfigFromEnv } from './business-db-config.ts';

describe('businessDbConfigFromEnv', () => {
  it('uses a configured server as it is', () => {
    expect(
      businessDbConfigFromEnv({ SG_BUSINESS_DB_URL: 'mariadb://root@127.0.0.1:3306/business' }),
    ).toEqual({ kind: 'server', url: 'mariadb://root@127.0.0.1:3306/business' });
  });

  it('defaults to the embedded PGlite server in $SG_DATA_DIR/business-db on port 5434', () => {
    expect(businessDbConfigFromEnv({ SG_DATA_DIR: '/srv/sg' })).toEqual({
      kind: 'embedded',
      url: 'postgres://postgres@127.0.0.1:5434/postgres',
      server: { dataDir: join('/srv/sg', 'business-db'), host: '127.0.0.1', port: 5434 },
    });
  });

  it('rejects a port out of range', () => {
    expect(() => businessDbConfigFromEnv({ SG_BUSINESS_DB_PORT: '70000' })).toThrow(
      'SG_BUSINESS_DB_PORT',
    );
  });
});
