import type { RuntimeEnv } from './repo-root.ts';

/** Where every local component listens (`just up` and the tests' defaults). */
export const LOCAL_HOST = '127.0.0.1';

interface LocalPort {
  /** The variable that moves it. */
  readonly variable: string;
  /** The port `just up` uses when the variable is unset. */
  readonly port: number;
  /** Whether `0` (the system picks a free port) is accepted. */
  readonly zeroPicksFreePort: boolean;
}

/** The one table of local ports: each component's variable and default. */
export const LOCAL_PORTS = {
  /** The app database's embedded PGlite server (packages/app-db). */
  appDb: { variable: 'SG_APP_DB_PORT', port: 5433, zeroPicksFreePort: false },
  /** The legacy business database's embedded PGlite server (simulators/business). */
  businessDb: { variable: 'SG_BUSINESS_DB_PORT', port: 5434, zeroPicksFreePort: true },
  /** The Temporal dev server's frontend (gRPC). */
  temporal: { variable: 'TEMPORAL_DEV_PORT', port: 7233, zeroPicksFreePort: false },
  /** The Temporal dev server's web UI. */
  temporalUi: { variable: 'TEMPORAL_DEV_UI_PORT', port: 8233, zeroPicksFreePort: false },
  /** The commerce-data vendor simulator (simulators/commerce). */
  commerceSimulator: { variable: 'SG_SIM_COMMERCE_PORT', port: 7301, zeroPicksFreePort: true },
  /** The tax bureau simulator (simulators/tax). */
  taxSimulator: { variable: 'SG_SIM_TAX_PORT', port: 7302, zeroPicksFreePort: true },
  /** The SMS gateway simulator, Aliyun SendSms (simulators/sms). */
  smsSimulator: { variable: 'SG_SIM_SMS_PORT', port: 7303, zeroPicksFreePort: true },
  /** The semantic API (semantic/). */
  semantic: { variable: 'SG_SEMANTIC_PORT', port: 4000, zeroPicksFreePort: true },
  /** The BI app (apps/bi). */
  bi: { variable: 'SG_BI_PORT', port: 3000, zeroPicksFreePort: false },
  /** The staff console: admin area and audit viewer (apps/console). */
  console: { variable: 'SG_CONSOLE_PORT', port: 3100, zeroPicksFreePort: false },
} as const satisfies Record<string, LocalPort>;

export type LocalPortName = keyof typeof LOCAL_PORTS;

/**
 * A port from its variable's value, `fallback` when unset or blank; an error naming the variable
 * when it is not a whole number in range (`0` only where the system may pick a free port).
 */
export function parsePort(
  value: string | undefined,
  fallback: number,
  variable: string,
  zeroPicksFreePort = false,
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const minimum = zeroPicksFreePort ? 0 : 1;
  const port = Number(value);
  if (!Number.isInteger(port) || port < minimum || port > 65_535) {
    throw new Error(`${variable} must be a port number ${String(minimum)}–65535, got "${value}"`);
  }
  return port;
}

/** The port of one local component: its variable in `env`, else its default from LOCAL_PORTS. */
export function localPort(name: LocalPortName, env: RuntimeEnv = process.env): number {
  const { variable, port, zeroPicksFreePort } = LOCAL_PORTS[name];
  return parsePort(env[variable], port, variable, zeroPicksFreePort);
}

/** Every local component's port, read from `env` (defaults from LOCAL_PORTS). */
export function localPorts(env: RuntimeEnv = process.env): Record<LocalPortName, number> {
  const names = Object.keys(LOCAL_PORTS) as LocalPortName[];
  return Object.fromEntries(names.map((name) => [name, localPort(name, env)])) as Record<
    LocalPortName,
    number
  >;
}
