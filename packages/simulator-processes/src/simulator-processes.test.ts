import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimulatorCli, simulatorMain, startSimulatorProcess } from './index.ts';

describe('simulator processes', () => {
  it.each(['world', 'commerce', 'business', 'tax', 'bank', 'finance'] as const)(
    'finds simulators/%s/src/main.ts',
    (name) => {
      expect(existsSync(simulatorMain(name))).toBe(true);
    },
  );

  it('starts the commerce simulator on a free port and reads its banner', async () => {
    const simulator = await startSimulatorProcess('commerce', {
      env: { SG_SIM_COMMERCE_PORT: '0', SG_SIM_COMMERCE_ENTERPRISES: '3', SG_WORLD_DIR: '' },
    });
    try {
      expect(simulator.banner).toMatchObject({ service: 'sim-commerce', enterpriseCount: 3 });
      expect(String(simulator.banner['url'])).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await simulator.stop();
    }
  });

  it('rejects with the exit code when a simulator ends before its banner', async () => {
    await expect(
      startSimulatorProcess('commerce', {
        env: { SG_SIM_COMMERCE_PORT: 'not-a-port' },
        stderr: 'capture',
      }),
    ).rejects.toThrow(/exited with code 1 before printing its banner/);
  });

  it('runs a CLI to its end', async () => {
    await expect(runSimulatorCli('world', ['--size', 'nope'])).rejects.toThrow(/--size/);
  });
});
