// Hands a conversation to a person: the ticket with what was collected and diagnosed, the handoff event, the merchant's answer.
import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import type { DiagnoseResult } from '../../dialogs/diagnose/diagnose-dialog.js';
import { formatMoment } from '../../dialogs/wording/format-report.js';
import { wordingFor } from '../../dialogs/wording/index.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import type { TransactionReport } from '../core/report/transaction-report.js';
import type { TicketDiagnosis, TicketMessage } from '../core/tickets/ticket.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { ConversationData } from './conversation-data.js';
import type { BotLocale } from './resolve-locale.js';

export interface HandToPersonDeps {
  readonly handoff: HandoffService;
  readonly knowledge?: KnowledgeBase;
  /** The suspected cause of a report handed over before the bot diagnosed it. */
  readonly suspect?: (report: TransactionReport) => DiagnoseResult;
  readonly timeZone: string;
}

export interface HandoverFacts {
  readonly data: ConversationData;
  readonly locale: BotLocale;
  readonly now: Date;
  readonly report: TransactionReport | null;
  readonly diagnosis: DiagnoseResult | null;
  readonly reason: string;
}

function ticketDiagnosis(d: DiagnoseResult, deps: HandToPersonDeps, locale: BotLocale): TicketDiagnosis {
  const cause = d.cause ? deps.knowledge?.causes.find((c) => c.id === d.cause) : undefined;
  return {
    cause: d.cause,
    confidence: d.confidence,
    evidence: d.evidence,
    suggestedSteps: cause ? cause.fix[locale === 'zh-CN' ? 'zh' : 'en'] : [],
    ...(d.helped === false ? { merchantAnswer: 'not_helped' as const } : {}),
  };
}

/**
 * Opens (or finds) the ticket, records it in conversation data, sends `handoff.initiate` with the
 * merchant's words for contact centres that understand it, and returns what to tell the merchant:
 * their ticket and place in the queue, or when the desk opens.
 */
export async function handToPerson(context: TurnContext, deps: HandToPersonDeps, facts: HandoverFacts): Promise<string> {
  const { data, locale, report, reason } = facts;
  const w = wordingFor(locale);
  const at = facts.now.toISOString();
  const diagnosis = facts.diagnosis ?? (report && deps.suspect ? deps.suspect(report) : null);
  const transcript: TicketMessage[] = (report?.description ?? []).map((text, i) => ({ id: `m${i}`, at, author: 'merchant', text }));
  const status = await deps.handoff.requestHuman({
    merchant: data.merchant ?? { id: null },
    report,
    diagnosis: diagnosis ? ticketDiagnosis(diagnosis, deps, locale) : null,
    link: { channel: context.activity.channelId ?? '', conversationId: context.activity.conversation?.id ?? '', reference: { ...TurnContext.getConversationReference(context.activity) } },
    locale,
    reason,
    transcript,
  });
  data.humanRequest = { requestedAt: at, ticketId: status.ticketId };
  if (status.existing) return w.handoff.alreadyQueued(status.ticketId);
  const merchant = { id: context.activity.from?.id ?? '', name: '', role: 'user' };
  const activities = transcript.map((m) => ({ type: 'message', text: m.text, from: merchant })) as Activity[];
  await context.sendActivity(EventFactory.createHandoffInitiation(context, { ticketId: status.ticketId, skill: 'acquirer-helpdesk', reason }, { activities }));
  if (status.opensAt) return w.handoff.afterHours(status.ticketId, formatMoment(status.opensAt, deps.timeZone, locale));
  return w.handoff.queued(status.ticketId, status.position ?? 1, status.waitMinutes ?? 1);
}
