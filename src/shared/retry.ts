// Retries async work with exponential backoff: for sends to channels that may fail for a moment.

export interface RetryPolicy {
  /** Tries in all, the first included. */
  readonly attempts: number;
  /** The wait before the second try; each later wait doubles it. */
  readonly firstDelayMs: number;
  /** Waits `ms` milliseconds (injected so tests need not wait). */
  readonly sleep: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends to a channel: three tries, 0.5 s then 1 s apart. */
export const SEND_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 500, sleep: realSleep };

/** Runs `work` until it resolves or the policy's tries are used up; rejects with the last error. */
export async function withRetry<T>(work: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt += 1) {
    if (attempt > 0) await policy.sleep(policy.firstDelayMs * 2 ** (attempt - 1));
    try {
      return await work();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
