// A long-running component kept alive: started as its own process group, restarted with back-off
// whenever it dies (restart-policy.ts decides when), each death and restart reported, and stopped
// only when asked (SIGTERM, then SIGKILL after a bounded grace).
import { join } from 'node:path';
import {
  startProcess,
  stopProcess,
  signalProcess,
  type ExitStatus,
  type ManagedProcess,
  type ProcessSpec,
} from './child-process.ts';
import {
  DEFAULT_RESTART_POLICY,
  INITIAL_RESTART_STATE,
  decideAfterExit,
  type RestartPolicy,
  type RestartState,
} from './restart-policy.ts';

export type SupervisorEvent =
  | { readonly kind: 'started'; readonly name: string; readonly pid: number | undefined }
  | {
      readonly kind: 'died';
      readonly name: string;
      readonly pid: number | undefined;
      readonly status: ExitStatus;
      readonly uptimeMs: number;
      readonly restartInMs: number;
      readonly consecutiveDeaths: number;
    }
  | { readonly kind: 'restarted'; readonly name: string; readonly pid: number | undefined }
  | { readonly kind: 'stopped'; readonly name: string; readonly status: ExitStatus | null };

export interface SuperviseOptions {
  readonly logDir: string;
  readonly policy?: RestartPolicy;
  /** How long a process gets to stop after SIGTERM before SIGKILL (default 10 s). */
  readonly stopGraceMs?: number;
  /** Told about every start, death, restart and stop (logging). */
  readonly onEvent?: (event: SupervisorEvent) => void;
}

export interface SupervisedProcess {
  readonly name: string;
  readonly logPath: string;
  /** Size of the log when supervision began: what its processes printed begins there. */
  readonly logOffset: number;
  /** The process running now; undefined while waiting to restart or once stopped. */
  current(): ManagedProcess | undefined;
  /** Deaths since supervision began (each one was restarted unless stopping). */
  deaths(): number;
  /** Resolves at the next start (a restart): for waiting until a killed process is back. */
  nextStart(): Promise<ManagedProcess>;
  /** Stops supervising: no more restarts; the process gets SIGTERM, then SIGKILL after the grace. */
  stop(): Promise<void>;
}

export const DEFAULT_STOP_GRACE_MS = 10_000;

export function superviseProcess(spec: ProcessSpec, options: SuperviseOptions): SupervisedProcess {
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const report = options.onEvent ?? (() => undefined);
  let running: ManagedProcess | undefined;
  let state: RestartState = INITIAL_RESTART_STATE;
  let deathCount = 0;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let startWaiters: ((proc: ManagedProcess) => void)[] = [];

  const launch = (kind: 'started' | 'restarted'): void => {
    const proc = startProcess(spec, options.logDir, { ownGroup: true });
    running = proc;
    report({ kind, name: spec.name, pid: proc.child.pid });
    const waiters = startWaiters;
    startWaiters = [];
    for (const resolve of waiters) resolve(proc);
    void proc.exited.then((status) => {
      onExit(proc, status);
    });
  };

  const onExit = (proc: ManagedProcess, status: ExitStatus): void => {
    // Whatever the dead process started itself would hold its ports: end the whole group.
    signalProcess(proc, 'SIGKILL');
    if (running === proc) running = undefined;
    const uptimeMs = Date.now() - proc.startedAt;
    const decision = decideAfterExit(policy, state, { uptimeMs, stopping });
    if (decision.kind === 'stopped') return;
    state = decision.state;
    deathCount += 1;
    report({
      kind: 'died',
      name: spec.name,
      pid: proc.child.pid,
      status,
      uptimeMs,
      restartInMs: decision.delayMs,
      consecutiveDeaths: decision.state.consecutiveDeaths,
    });
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (!stopping) launch('restarted');
    }, decision.delayMs);
  };

  launch('started');
  const logOffset = running?.logOffset ?? 0;
  let stopped: Promise<void> | undefined;
  return {
    name: spec.name,
    logPath: join(options.logDir, `${spec.name}.log`),
    logOffset,
    current: () => running,
    deaths: () => deathCount,
    nextStart: () =>
      new Promise((resolve) => {
        startWaiters.push(resolve);
      }),
    stop: () => {
      stopped ??= (async () => {
        stopping = true;
        if (restartTimer !== undefined) clearTimeout(restartTimer);
        const proc = running;
        const status =
          proc === undefined
            ? null
            : await stopProcess(proc, options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
        report({ kind: 'stopped', name: spec.name, status });
      })();
      return stopped;
    },
  };
}

/** One line per event, for the console and the supervisor's log (Chinese, like `just up`). */
export function describeSupervisorEvent(event: SupervisorEvent): string {
  switch (event.kind) {
    case 'started':
      return `${event.name} 已启动 (pid ${String(event.pid)})`;
    case 'restarted':
      return `${event.name} 已重启 (pid ${String(event.pid)})`;
    case 'died':
      return (
        `${event.name} 意外退出 (pid ${String(event.pid)}，${exitInChinese(event.status)}，` +
        `运行了 ${seconds(event.uptimeMs)} 秒)；${seconds(event.restartInMs)} 秒后重启` +
        ` (连续第 ${String(event.consecutiveDeaths)} 次)`
      );
    case 'stopped':
      return event.status === null
        ? `${event.name} 已停止`
        : `${event.name} 已停止 (${exitInChinese(event.status)})`;
  }
}

function exitInChinese(status: ExitStatus): string {
  return status.signal === null ? `退出码 ${String(status.code)}` : `被信号 ${status.signal} 终止`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** Stops every supervised process, last started first, each bounded by its stop grace. */
export async function stopAllSupervised(procs: readonly SupervisedProcess[]): Promise<void> {
  for (const proc of [...procs].reverse()) await proc.stop();
}
