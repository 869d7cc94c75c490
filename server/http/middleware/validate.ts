/** Request guards: zod parsing (a failure is a 400 naming the fields), JSON-only bodies, async handlers. */
import type { NextFunction, Request, Response } from "express";
import type { z } from "zod";
import { describeIssues } from "../../../shared/validation/audit.ts";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses `value` or throws a 400 HttpError. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, `Invalid ${what}: ${describeIssues(result.error)}`);
  return result.data;
}

/** Wraps an async handler so its rejections reach the error middleware. */
export function handle(fn: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };
}

/** A body not declared as JSON would reach the handlers as `undefined`: refuse it with a 415 that says so. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (hasBody && !req.is("application/json")) {
    next(new HttpError(415, "Request body must be JSON: send it with Content-Type: application/json"));
    return;
  }
  next();
}
