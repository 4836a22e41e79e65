export {
  DEFAULT_WORLD_AS_OF,
  DEFAULT_WORLD_SEED,
  GENERATOR_VERSION,
  generateWorld,
  readWorldManifest,
} from './generate-world.ts';
export type { GenerateWorldOptions, WorldManifest } from './generate-world.ts';
export { WORLD_SCALES, WORLD_SIZES, isWorldSize } from './world-size.ts';
export type { WorldScale, WorldSize } from './world-size.ts';
export { WORLD_FILES } from './world-files.ts';
export type { WorldFile } from './world-files.ts';
export { PATTERN_KINDS } from './planted-patterns.ts';
export type { PatternKind, PlantedPattern } from './planted-patterns.ts';
export { BANKS } from './banks.ts';
export type { Bank, StatementLayout } from './banks.ts';
export { SUBJECT_KINDS } from './subjects.ts';
export type { SubjectKind } from './subjects.ts';
