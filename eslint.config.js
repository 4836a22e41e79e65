// The repository's one ESLint flat config lives in packages/config-eslint.
export { default } from '@sg/config-eslint';
