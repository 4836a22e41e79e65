// Reads Cube-format YAML model files from disk and builds the semantic model.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { modelFileSchema } from './model-file-schema.ts';
import type { ModelFile } from './model-file-schema.ts';
import { buildSemanticModel, ModelError } from './semantic-model.ts';
import type { SemanticModel } from './semantic-model.ts';

/** The model shipped with this package: semantic/model/{cubes,views}/*.yml. */
export const DEFAULT_MODEL_DIRECTORY = path.resolve(import.meta.dirname, '../../model');

function yamlFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Parses and validates one model file's text; `fileName` only labels errors. */
export function parseModelFile(text: string, fileName: string): ModelFile {
  const parsed = modelFileSchema.safeParse(YAML.parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ModelError(`${fileName}: ${issues}`);
  }
  return parsed.data;
}

export function loadSemanticModel(directory: string = DEFAULT_MODEL_DIRECTORY): SemanticModel {
  const files = yamlFilesUnder(directory).map((file) =>
    parseModelFile(readFileSync(file, 'utf8'), path.relative(directory, file)),
  );
  if (files.length === 0) throw new ModelError(`no model files (*.yml) under ${directory}`);
  return buildSemanticModel(files);
}
