// Structured JSON logging (pino). Log ids and outcomes, never merchant text: text may hold card data.
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'helpdesk-bot' } });
}
