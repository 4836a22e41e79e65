export {
  createMariadbTestDatabase,
  createPostgresTestDatabase,
  type ServerTestDatabase,
} from './server-databases.ts';
