/** A request that is not allowed, names something that does not exist, or does not fit; becomes a 4xx. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}
