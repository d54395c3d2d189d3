// An error that carries its HTTP status; the app's one error handler turns it into a JSON response.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
