import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('./main.ts', import.meta.url).pathname;

describe('main.ts (CLI)', () => {
  it('starts on a free port, prints its URL as a JSON line and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, SG_SIM_COMMERCE_PORT: '0', SG_SIM_COMMERCE_ENTERPRISES: '15' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [firstLine] = (await once(lines, 'line')) as [string];
      const banner = JSON.parse(firstLine) as {
        service: string;
        url: string;
        enterpriseCount: number;
      };
      expect(banner).toMatchObject({ service: 'sim-commerce', enterpriseCount: 15, seed: 640_000 });
      const totals = (await (await fetch(`${banner.url}/v1/_sim/totals`)).json()) as {
        data: { enterpriseCount: number };
      };
      expect(totals.data.enterpriseCount).toBe(15);
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  });
});
