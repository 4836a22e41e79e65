// For workflow tests with fake activities: every activity of PipelineActivities, each failing for
// good if called, so that a test provides only the ones its workflow is meant to call (and a call
// to any other fails the test's workflow loudly).
import { ApplicationFailure } from '@temporalio/common';
import type { PipelineActivities } from '../activities/index.ts';

function unused(name: string): () => Promise<never> {
  return () =>
    Promise.reject(
      ApplicationFailure.nonRetryable(
        `activity ${name} is not used by this test`,
        'UnusedActivity',
      ),
    );
}

export function unusedActivities(): PipelineActivities {
  return {
    planSourcesLanding: unused('planSourcesLanding'),
    landSource: unused('landSource'),
    dbtBuild: unused('dbtBuild'),
  };
}
