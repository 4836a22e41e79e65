import { LOCAL_PORTS } from '@sg/runtime-env';
import { describe, expect, it } from 'vitest';
import { semanticSettingsFromEnv } from './semantic-settings.ts';

describe('semanticSettingsFromEnv', () => {
  it('takes its port and the BI origin from the one table of local ports', () => {
    const settings = semanticSettingsFromEnv({});
    expect(settings.port).toBe(LOCAL_PORTS.semantic.port);
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.corsOrigins).toContain(`http://127.0.0.1:${String(LOCAL_PORTS.bi.port)}`);
    expect(settings.usesDevSecret).toBe(true);
  });

  it('honours SG_SEMANTIC_PORT, 0 included (a free port), and refuses a bad one', () => {
    expect(semanticSettingsFromEnv({ SG_SEMANTIC_PORT: '4100' }).port).toBe(4100);
    expect(semanticSettingsFromEnv({ SG_SEMANTIC_PORT: '0' }).port).toBe(0);
    expect(() => semanticSettingsFromEnv({ SG_SEMANTIC_PORT: 'x' })).toThrow(/SG_SEMANTIC_PORT/);
  });

  it('uses the configured CORS origins instead of the defaults', () => {
    const settings = semanticSettingsFromEnv({
      SG_SEMANTIC_CORS_ORIGINS: 'https://bi.example.cn, https://big.example.cn',
    });
    expect(settings.corsOrigins).toEqual(['https://bi.example.cn', 'https://big.example.cn']);
  });
});
