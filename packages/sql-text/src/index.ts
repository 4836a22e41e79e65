export { sqlIdentifier, sqlString } from './sql-text.ts';
