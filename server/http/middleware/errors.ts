/** Turns every failure into JSON `{error}` with the right status; never leaks a stack trace. */
import type { NextFunction, Request, Response } from "express";
import { DomainError } from "../../domain/errors.ts";
import { log } from "../../log.ts";
import { HttpError } from "./validate.ts";

interface BodyParserError {
  type?: string;
  status?: number;
}

export function apiNotFound(req: Request, res: Response): void {
  res.status(404).json({ error: `No API route ${req.method} ${req.path}` });
}

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof HttpError || error instanceof DomainError) {
    res.status(error.status).json({ error: error.message });
    return;
  }
  const parserError = error as BodyParserError;
  if (parserError?.type === "entity.parse.failed") {
    res.status(400).json({ error: "Malformed JSON in request body" });
    return;
  }
  if (parserError?.type === "entity.too.large") {
    res.status(413).json({ error: "Request body is too large" });
    return;
  }
  if (parserError?.type === "encoding.unsupported" || parserError?.type === "charset.unsupported") {
    res.status(415).json({ error: "Unsupported body encoding" });
    return;
  }
  if (typeof parserError?.status === "number" && parserError.status >= 400 && parserError.status < 500) {
    res.status(parserError.status).json({ error: "Bad request" });
    return;
  }
  log.error("request failed", { method: req.method, path: req.path, error: String(error) });
  res.status(500).json({ error: "Internal error" });
}
