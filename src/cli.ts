// The command line: `npm run -s cli -- <command>`. Commands: extract, classify, kb, agent, chat.
import { agentCommand, AGENT_USAGE } from './cli/agent-command.js';
import { chatCommand, CHAT_USAGE } from './cli/chat-command.js';
import { extractCommand, EXTRACT_USAGE } from './cli/extract-command.js';
import { classifyCommand, CLASSIFY_USAGE, kbCommand, KB_USAGE } from './cli/knowledge-commands.js';
import { UsageError } from './cli/usage-error.js';
import { ConfigError, readConfig } from './config.js';
import { COMPILED_MODELS } from './knowledge/compiled-model.js';
import { KnowledgeError } from './knowledge/load-knowledge.js';
import { DataDirBusyError } from './storage/data-dir-lock.js';

const USAGE = ['usage: npm run -s cli -- <command>', `  ${EXTRACT_USAGE}`, `  ${CLASSIFY_USAGE}`, `  ${KB_USAGE}`, `  ${AGENT_USAGE}`, `  ${CHAT_USAGE}`].join('\n');

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  switch (command) {
    case 'extract':
      return extractCommand(args, { ...io, clock: () => new Date() });
    case 'classify':
      return classifyCommand(args, { ...io, knowledgeDir: readConfig().knowledgeDir, compiledModels: COMPILED_MODELS });
    case 'kb': {
      const { knowledgeDir, dataDir } = readConfig();
      return kbCommand(args, { ...io, knowledgeDir, dataDir, compiledModels: COMPILED_MODELS });
    }
    case 'agent':
      return agentCommand(args, { stdout: io.stdout, config: readConfig(), clock: () => new Date() });
    case 'chat':
      return chatCommand(args, { ...io, config: readConfig(), clock: () => new Date() });
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof ConfigError || error instanceof DataDirBusyError || error instanceof KnowledgeError) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
