// Direct Line's error responses: `{"error": {"code", "message"}}` with the status codes DirectLineJS expects.
import type { Response } from 'express';

export type DirectLineErrorCode = 'MissingAuthorization' | 'TokenExpired' | 'BadToken' | 'BadArgument' | 'NotFound' | 'TooManyRequests';

export class DirectLineError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 429,
    readonly code: DirectLineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }

  send(res: Response): void {
    res.status(this.status).json({ error: { code: this.code, message: this.message } });
  }
}
