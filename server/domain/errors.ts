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

export const NOT_SAVED_MESSAGE =
  "This change was not saved to disk: the server is retrying to store the board. Reload it before sending the change again.";

/**
 * A REST write whose change is in the live board but not on disk (the update log could not store
 * it and no compaction has yet): the client must not be told it is done.
 */
export class ChangeNotSavedError extends DomainError {
  constructor(cause: unknown) {
    super(503, NOT_SAVED_MESSAGE);
    this.cause = cause;
  }
}
