export {
  generateWorldCli,
  runSimulatorCli,
  simulatorMain,
  startSimulatorProcess,
  type RunningSimulator,
  type SimulatorName,
} from './simulator-processes.ts';
