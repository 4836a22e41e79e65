export { dataDirFromEnv, findRepoRoot, type RuntimeEnv } from './repo-root.ts';
export {
  LOCAL_HOST,
  LOCAL_PORTS,
  localPort,
  localPorts,
  parsePort,
  type LocalPortName,
} from './local-ports.ts';
