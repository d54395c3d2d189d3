// The handoff gate: while a ticket is active the merchant's words go to it; a new chat about a payment that has a ticket joins it.
import { TurnContext } from 'botbuilder';
import { recogniseCommand } from '../../dialogs/commands.js';
import { turnSettings } from '../../dialogs/turn-settings.js';
import { wordingFor } from '../../dialogs/wording/index.js';
import { extractDetails } from '../core/nlu/extract-details.js';
import { EMPTY_REPORT, mergeDetails } from '../core/report/transaction-report.js';
import { conversationOwner } from '../core/tickets/ticket.js';
import type { HandoffService } from '../handoff/handoff-service.js';

/**
 * Runs before any dialog. Returns true when the message belonged to a ticket:
 * - the conversation has an active ticket: queued, the merchant's words and any details in them
 *   (time, amount, reference …) go on the ticket and the merchant hears their place (or leaves the
 *   queue with "取消"/"cancel"); with an agent, the bot says nothing and the words reach the console;
 * - or the message names a payment (its reference) that has an active ticket from another
 *   conversation: this conversation joins that ticket, so the agent's replies reach it too.
 */
export async function passThroughHandoff(context: TurnContext, handoff: HandoffService, merchantId: string | null): Promise<boolean> {
  const conversationId = context.activity.conversation?.id ?? '';
  const text = context.activity.text ?? '';
  const settings = turnSettings(context);
  const w = wordingFor(settings.locale);
  const details = extractDetails(text, { now: settings.now, timeZone: settings.timeZone, defaultCurrency: settings.currency });
  const stated = mergeDetails(EMPTY_REPORT, details).report;
  let ticket = await handoff.activeTicket(conversationId);
  if (!ticket && stated.reference) {
    const link = { channel: context.activity.channelId ?? '', conversationId, reference: { ...TurnContext.getConversationReference(context.activity) } };
    const joined = await handoff.joinByReference(stated, merchantId, link);
    if (joined) {
      if (text.trim().length > 0) await handoff.merchantSays(joined, details.redacted);
      await context.sendActivity(w.handoff.joined(joined.id));
      return true;
    }
  }
  const owner = conversationOwner(ticket);
  if (owner === 'bot' || !ticket) return false;
  if (owner === 'queued' && recogniseCommand(text) === 'cancel') {
    await handoff.cancelByMerchant(ticket);
    await context.sendActivity(w.handoff.cancelled(ticket.id));
    return true;
  }
  if (text.trim().length > 0) ticket = await handoff.merchantSays(ticket, details.redacted);
  if (stated.time || stated.amount || stated.reference || stated.cardLast4 || stated.terminalId || stated.orderNumber) ticket = await handoff.addDetails(ticket, stated);
  if (conversationOwner(ticket) === 'queued') {
    const status = await handoff.queueStatus(ticket.id, true);
    const ack = settings.said.pickFresh(w.handoff.added(ticket.id, status.position));
    if (ack) await context.sendActivity(ack);
  }
  return true;
}
