// Runs the turns of one conversation one after another, so no turn overwrites another's state.
import type { Middleware, TurnContext } from 'botbuilder';
import { KeyedMutex } from '../shared/keyed-mutex.js';

/**
 * botbuilder saves state last-writer-wins (eTag '*'): two overlapping turns of one conversation would
 * each load the old state and the later save would drop the earlier turn's update. This middleware
 * queues turns per conversation (in this process); different conversations still run in parallel.
 */
export class SerialTurnsMiddleware implements Middleware {
  private readonly mutex = new KeyedMutex();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { channelId, conversation } = context.activity;
    await this.mutex.run(`${channelId}/${conversation?.id ?? ''}`, next);
  }
}
