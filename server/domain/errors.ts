/**
 * A request that is not allowed, names something that does not exist, or does not fit (a 4xx),
 * or that cannot be carried out safely right now and may be retried (503).
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 503,
    message: string,
  ) {
    super(message);
  }
}
