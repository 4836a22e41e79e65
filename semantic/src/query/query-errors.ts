/** A client error in a query (unknown member, bad operator, bad date …): HTTP 400. */
export class QueryError extends Error {
  override name = 'QueryError';
}
