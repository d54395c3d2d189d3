// The handoff gate: while a ticket is active the merchant's words go to it, and the bot stays out of the way.
import type { TurnContext } from 'botbuilder';
import { recogniseCommand } from '../../dialogs/commands.js';
import type { Wording } from '../../dialogs/wording/index.js';
import { conversationOwner } from '../core/tickets/ticket.js';
import type { HandoffService } from '../handoff/handoff-service.js';

/**
 * Runs before any dialog. Returns true when the message belonged to an active ticket: queued, the
 * merchant is told the ticket and their place (or leaves the queue with "取消"/"cancel"); with an agent,
 * the bot says nothing and the message reaches the console.
 */
export async function passThroughHandoff(context: TurnContext, handoff: HandoffService, w: Wording): Promise<boolean> {
  const conversationId = context.activity.conversation?.id ?? '';
  const ticket = await handoff.activeTicket(conversationId);
  const owner = conversationOwner(ticket);
  if (owner === 'bot' || !ticket) return false;
  const text = context.activity.text ?? '';
  if (owner === 'queued' && recogniseCommand(text) === 'cancel') {
    await handoff.cancelByMerchant(ticket);
    await context.sendActivity(w.handoff.cancelled(ticket.id));
    return true;
  }
  const updated = text.trim().length > 0 ? await handoff.merchantSays(ticket, text) : ticket;
  if (conversationOwner(updated) === 'queued') {
    const status = await handoff.queueStatus(updated.id, true);
    await context.sendActivity(w.handoff.added(updated.id, status.position));
  }
  return true;
}
