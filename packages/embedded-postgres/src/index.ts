export {
  DEFAULT_EMBEDDED_HOST,
  DEFAULT_MAX_CONNECTIONS,
  embeddedConnectionString,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded-server.ts';
