// Worker entry: `node pipelines/src/worker/main.ts`. Connects to TEMPORAL_ADDRESS, polls the
// `sg-pipelines` task queue, and stops gracefully on SIGINT/SIGTERM (the Temporal runtime turns
// those signals into Worker.shutdown(); run() resolves once in-flight work has finished).
import { NativeConnection } from '@temporalio/worker';
import { createActivities, loadPipelineRegistry } from '../activities/index.ts';
import { resourcesFromEnv } from '../resources.ts';
import { TASK_QUEUE, temporalAddressFromEnv } from '../temporal-settings.ts';
import { createPipelinesWorker } from './create-worker.ts';

const address = temporalAddressFromEnv(process.env);
const resources = resourcesFromEnv(process.env);
// The registry first (`dbt parse` of the project): a source or model that does not fit fails here.
const registry = await loadPipelineRegistry(resources);
const connection = await NativeConnection.connect({ address });
try {
  const worker = await createPipelinesWorker({
    connection,
    activities: createActivities(resources, { registry }),
  });
  console.log(
    `pipelines worker: task queue ${TASK_QUEUE} on ${address} (${resources.environment}); Ctrl-C stops`,
  );
  await worker.run();
  console.log('pipelines worker: stopped');
} finally {
  await connection.close();
}
