// Where supervision events go: one line each on the console and, with its time, appended to
// `<logDir>/supervisor.log` (the component's own output stays in `<logDir>/<name>.log`).
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeSupervisorEvent, type SupervisorEvent } from './supervised-process.ts';

export const SUPERVISOR_LOG = 'supervisor.log';

export function supervisionLogger(
  logDir: string,
  print: (line: string) => void = (line) => {
    console.log(line);
  },
): (event: SupervisorEvent) => void {
  mkdirSync(logDir, { recursive: true });
  const path = join(logDir, SUPERVISOR_LOG);
  return (event) => {
    const line = describeSupervisorEvent(event);
    appendFileSync(path, `${new Date().toISOString()} ${line}\n`);
    // Starts are routine (the caller says when all is ready); deaths and restarts must be seen.
    if (event.kind === 'died' || event.kind === 'restarted') print(`! ${line}`);
    else if (event.kind === 'stopped') print(`· ${line}`);
  };
}
