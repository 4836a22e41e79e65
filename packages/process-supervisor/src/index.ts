export {
  describeExitStatus,
  expectSuccess,
  hasExited,
  runToCompletion,
  signalProcess,
  startProcess,
  stopProcess,
} from './child-process.ts';
export type { ExitStatus, ManagedProcess, ProcessSpec, StartOptions } from './child-process.ts';
export {
  DEFAULT_RESTART_POLICY,
  INITIAL_RESTART_STATE,
  decideAfterExit,
  restartDelayMs,
} from './restart-policy.ts';
export type { ExitDecision, RestartPolicy, RestartState } from './restart-policy.ts';
export {
  DEFAULT_STOP_GRACE_MS,
  describeSupervisorEvent,
  stopAllSupervised,
  superviseProcess,
} from './supervised-process.ts';
export type { SuperviseOptions, SupervisedProcess, SupervisorEvent } from './supervised-process.ts';
export { portAnswers, waitForLogLine, waitForPort } from './wait-for-port.ts';
export type { WaitForPortOptions } from './wait-for-port.ts';
export { SUPERVISOR_LOG, supervisionLogger } from './supervision-log.ts';
