// The only reader of process.env: validates every setting at once and returns a frozen, typed config.
import { z } from 'zod';
import { parseBusinessHours } from './core/tickets/business-hours.js';
import { isValidTimeZone } from './core/time/zoned-time.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable the bot reads, with its default. .env.example lists exactly these. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
    HOST: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
    SETTLEMENT_RULES: z.string().min(1).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_TIME_ZONE: z.string().default('Asia/Shanghai').refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    DEFAULT_CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as CNY').default('CNY'),
    DEFAULT_LOCALE: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    ALLOW_UNAUTHENTICATED_REMOTE: flag,
    DIRECT_LINE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    BUSINESS_HOURS: z
      .string()
      .default('Mon-Sun 09:00-21:00')
      .refine((v) => parseBusinessHours(v) !== null, 'must look like "Mon-Sun 09:00-21:00" or "Mon-Fri 09:00-18:00"'),
    AGENT_LOGINS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
    DEMO_PORTAL: z.enum(['true', 'false', '1', '0', '']).default('true').transform((v) => v === 'true' || v === '1'),
  })
  .transform((env, ctx) => {
    const authenticated = env.MicrosoftAppId.length > 0;
    const host = env.HOST ?? (authenticated ? '0.0.0.0' : '127.0.0.1');
    if (!authenticated && !LOOPBACK_HOSTS.has(host) && !env.ALLOW_UNAUTHENTICATED_REMOTE) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: `binding to ${host} without MicrosoftAppId would accept unauthenticated messages from the network; set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_REMOTE=true for development only`,
      });
    }
    return {
      port: env.PORT,
      host,
      dataDir: env.DATA_DIR,
      knowledgeDir: env.KNOWLEDGE_DIR,
      /** The settlement rules file (the deployment's market); KNOWLEDGE_DIR/settlement.yaml by default. */
      settlementRules: env.SETTLEMENT_RULES ?? `${env.KNOWLEDGE_DIR}/settlement.yaml`,
      logLevel: env.LOG_LEVEL,
      defaultTimeZone: env.DEFAULT_TIME_ZONE,
      defaultCurrency: env.DEFAULT_CURRENCY,
      defaultLocale: env.DEFAULT_LOCALE,
      botAuth: {
        appId: env.MicrosoftAppId,
        appPassword: env.MicrosoftAppPassword,
        appType: env.MicrosoftAppType,
        tenantId: env.MicrosoftAppTenantId,
      },
      authenticated,
      allowUnauthenticatedRemote: env.ALLOW_UNAUTHENTICATED_REMOTE,
      directLineSecret: env.DIRECT_LINE_SECRET,
      demoPortal: env.DEMO_PORTAL,
      businessHours: env.BUSINESS_HOURS,
      agentLoginsPerMinute: env.AGENT_LOGINS_PER_MINUTE,
    };
  });

export type Config = Readonly<z.output<typeof configSchema>>;

/** Thrown with every problem listed, one per line, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` (process.env in production) into the config, or throws ConfigError naming every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`));
  }
  return Object.freeze(result.data);
}

/** The variable names config.ts reads (checked against .env.example by a test). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(configSchema.in.shape);

/** Reads the process environment: the one place outside tests that touches process.env. */
export function readConfig(): Config {
  return loadConfig(process.env);
}
