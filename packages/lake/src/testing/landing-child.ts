import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LandingChildInput } from './landing-child-process.ts';

/** The script that lands one request in its own process (see landing-child-process.ts). */
export const LANDING_CHILD_SCRIPT = join(import.meta.dirname, 'landing-child-process.ts');

export interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  wallMs: number;
}

/** Lands `input.request` from a separate Node process (the same Node as this one). */
export function runLandingChild(input: LandingChildInput): Promise<ChildOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LANDING_CHILD_SCRIPT, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr, wallMs: performance.now() - started });
    });
  });
}
