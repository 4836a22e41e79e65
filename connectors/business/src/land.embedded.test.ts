import { describeLandingScenario } from './testing/land-scenario.ts';

describeLandingScenario('embedded');
