// Builds the help desk: the ticket store on lowdb, staffed hours, and delivery through each channel's adapter.
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { TicketStore } from '../core/ports.js';
import { parseBusinessHours } from '../core/tickets/business-hours.js';
import type { ConversationLink } from '../core/tickets/ticket.js';
import type { Logger } from '../shared/logger.js';
import { SEND_RETRY, type RetryPolicy } from '../shared/retry.js';
import { HandoffService, type DeskWording } from './handoff-service.js';

/** Sends one activity into a stored conversation through the channel's adapter. */
export type ChannelSender = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

/** Causes that go to a person at once and first in the queue (the knowledge base's "human" action). */
export interface HandoffOptions {
  readonly tickets: TicketStore;
  /** The desk's words in a locale (dialogs/wording, passed in by the composition root). */
  readonly wording: (locale: string) => DeskWording;
  readonly businessHours: string;
  readonly timeZone: string;
  readonly urgentCauses: ReadonlySet<string>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** Retries of a failed delivery to the merchant (SEND_RETRY unless a test passes a faster one). */
  readonly sendRetry?: RetryPolicy;
}

/**
 * The help desk plus the registry of channels it can reach: `senders.set(channelId, send)` once each
 * channel's adapter exists. An agent's words go out through the sender of the channel the merchant
 * came from, marked with the agent's name in `channelData.agent`.
 */
export function createHandoff(options: HandoffOptions): { handoff: HandoffService; senders: Map<string, ChannelSender> } {
  const hours = parseBusinessHours(options.businessHours);
  if (!hours) throw new Error(`BUSINESS_HOURS "${options.businessHours}" is not of the form "Mon-Sun 09:00-21:00"`);
  const senders = new Map<string, ChannelSender>();
  const deliver = async (link: ConversationLink, message: { text: string; from: string }) => {
    const send = senders.get(link.channel) ?? senders.get('*');
    if (!send) throw new Error(`no way to reach channel ${link.channel}`);
    await send(link.reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity({ type: 'message', text: message.text, channelData: { agent: message.from } });
    });
  };
  const settings = { wording: options.wording, hours, timeZone: options.timeZone, minutesPerTicket: 10, urgentCauses: options.urgentCauses, sendRetry: options.sendRetry ?? SEND_RETRY };
  const handoff = new HandoffService(options.tickets, deliver, settings, options.clock, options.logger);
  return { handoff, senders };
}
