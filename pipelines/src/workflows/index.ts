// Every workflow the `sg-pipelines` worker runs. Bundled by the worker: keep this file and
// everything it imports free of I/O (lint and the bundling test enforce it).
export { sourcesLandingAndBuild } from './sources-landing-and-build.ts';
