export {
  createMariadbTestDatabase,
  createPostgresTestDatabase,
  type ServerTestDatabase,
} from './server-databases.ts';
export {
  SERVER_KINDS,
  SERVER_URL_ENV,
  libpqKeywordDsn,
  testServerUrl,
  withDatabase,
  type ServerKind,
} from './server-urls.ts';
export {
  startPrivateServers,
  type PrivateServers,
  type PrivateServersOptions,
} from './private-servers.ts';
