// The help desk as the conversation sees it: handing a case to a person (ticket, handoff event, queue message) and the merchant's records.
import { EventFactory, TurnContext, type Activity, type StatePropertyAccessor } from 'botbuilder';
import type { CaseRecord, DeskHooks, HandoverRequest } from '../../dialogs/conversation/desk-hooks.js';
import { turnSettings } from '../../dialogs/turn-settings.js';
import { formatMoment } from '../../dialogs/wording/format-report.js';
import { listInLocale } from '../../dialogs/wording/knowledge-text.js';
import { wordingFor, type DetailName } from '../../dialogs/wording/index.js';
import type { HandoverReason } from '../core/conversation/case-state.js';
import type { DiagnosisModel } from '../core/diagnosis/diagnosis-model.js';
import { describeEvidence } from '../core/diagnosis/evidence-detail.js';
import type { TransactionReport } from '../core/report/transaction-report.js';
import type { TicketDiagnosis, TicketMessage } from '../core/tickets/ticket.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import { RECORDS_KEPT, type ConversationData, type MerchantData } from './conversation-data.js';

export interface DeskOptions {
  readonly handoff: HandoffService;
  readonly model: DiagnosisModel;
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  readonly merchantData: StatePropertyAccessor<MerchantData>;
}

const REASONS: Readonly<Record<HandoverReason, string>> = {
  asked: 'the merchant asked for a person',
  not_helped: 'the suggested fix did not help',
  needs_acquirer: 'the cause needs the acquirer',
  unsure: 'the bot could not tell the cause',
};

/** What an agent would still like to know, given the kind of problem: a QR payment has an order number, a card payment a reference. */
function missingDetails(report: TransactionReport | null, kind: HandoverRequest['kind']): DetailName[] {
  const missing: DetailName[] = [];
  if (kind === 'qr' && !report?.orderNumber) missing.push('orderNumber');
  if (!report?.time) missing.push('time');
  if (!report?.amount) missing.push('amount');
  if (kind !== 'qr' && kind !== 'question' && !report?.reference && !report?.cardLast4 && !report?.terminalId) missing.push('reference');
  return missing;
}

/**
 * The desk hooks for the dialogs: a handover opens the ticket (or joins the one this payment already
 * has) with everything the case collected and the suspected cause, sends `handoff.initiate` for
 * contact centres that understand it, and tells the merchant their ticket and place — then asks, once,
 * for what the agent would still like to know. Ended cases are kept as the merchant's records.
 */
export function createDesk(options: DeskOptions): DeskHooks {
  const { handoff, model } = options;
  return {
    async handOver(context: TurnContext, request: HandoverRequest) {
      const data = await options.conversationData.get(context, {});
      const { locale, now, timeZone } = turnSettings(context);
      const w = wordingFor(locale);
      const { report, diagnosis } = request;
      const cause = diagnosis?.cause ? model.causes.get(diagnosis.cause) : undefined;
      const ticketDiagnosis: TicketDiagnosis | null = diagnosis
        ? {
            cause: diagnosis.offTopic ? null : diagnosis.cause,
            confidence: diagnosis.confidence,
            evidence: describeEvidence(diagnosis.evidence, model),
            suggestedSteps: cause ? listInLocale(cause.fix, locale) : [],
            ...(request.reason === 'not_helped' ? { merchantAnswer: 'not_helped' as const } : {}),
          }
        : null;
      const at = now.toISOString();
      const transcript: TicketMessage[] = (report?.description ?? []).map((text, i) => ({ id: `m${i}`, at, author: 'merchant', text }));
      const conversationId = context.activity.conversation?.id ?? '';
      const status = await handoff.requestHuman({
        merchant: data.merchant ?? { id: null },
        report,
        diagnosis: ticketDiagnosis,
        link: { channel: context.activity.channelId ?? '', conversationId, reference: { ...TurnContext.getConversationReference(context.activity) } },
        locale,
        reason: REASONS[request.reason],
        transcript,
      });
      const messages: Partial<Activity>[] = [];
      if (status.existing) {
        const ticket = await handoff.get(status.ticketId);
        messages.push({ type: 'message', text: ticket.link.conversationId === conversationId ? w.handoff.alreadyQueued(status.ticketId) : w.handoff.joined(status.ticketId) });
      } else {
        const merchant = { id: context.activity.from?.id ?? '', name: '', role: 'user' };
        const activities = transcript.map((m) => ({ type: 'message', text: m.text, from: merchant })) as Activity[];
        await context.sendActivity(EventFactory.createHandoffInitiation(context, { ticketId: status.ticketId, skill: 'acquirer-helpdesk', reason: REASONS[request.reason] }, { activities }));
        messages.push({
          type: 'message',
          text: status.opensAt ? w.handoff.afterHours(status.ticketId, formatMoment(status.opensAt, timeZone, locale)) : w.handoff.queued(status.ticketId, status.position ?? 1, status.waitMinutes ?? 1),
        });
        const missing = missingDetails(report, request.kind);
        if (missing.length > 0) messages.push({ type: 'message', text: w.handoff.addDetails(missing.map((name) => w.handoff.detailNames[name])) });
      }
      return { messages, ticketId: status.ticketId };
    },

    async concluded(context: TurnContext, record: CaseRecord) {
      const merchant = await options.merchantData.get(context, {});
      merchant.records = [record, ...(merchant.records ?? [])].slice(0, RECORDS_KEPT);
    },

    async records(context: TurnContext) {
      return (await options.merchantData.get(context, {})).records ?? [];
    },
  };
}
