// Everything the bot says in US English.
import { formatAmount, formatTimeRange } from './format-report.js';
import type { Wording } from './wording.js';

const REFERENCE_NAMES = { rrn: 'reference no. (RRN)', trace: 'trace no.', auth: 'auth code' } as const;

export const enUS: Wording = {
  greeting:
    "Hello, I'm the payments help desk assistant. Tell me about a card payment that failed or money that did not arrive, " +
    'e.g. "yesterday around 8pm a $45.20 sale failed, ref 123456789012".',
  greetingNamed: (name) =>
    `Hello ${name}, I'm the payments help desk assistant. Tell me about a card payment that failed or money that did not arrive, ` +
    'e.g. "yesterday around 8pm a $45.20 sale failed, ref 123456789012".',
  cardDataNotice: 'For your and your customers\' safety, never send a full card number, PIN or CVV. I will never ask for them.',
  cardDataMasked: 'Your message contained a full card number or a PIN; I removed it and kept only the last 4 digits. Please never send these.',
  askDescription: 'Please tell me briefly what went wrong, e.g. what the terminal showed, or which payment did not arrive.',
  help:
    'To look up the payment I need three things: when it happened, the amount, and the reference number (RRN) from the receipt ' +
    '(or the trace number with the terminal id, or the auth code). No receipt? The terminal id or the card\'s last 4 digits will do. ' +
    'You can say "start over" or "agent" at any time, or correct me, e.g. "no, it was 2000".',
  cancelled: 'OK, cancelled. Tell me about the problem whenever you are ready.',
  ask: {
    time: 'When did the payment happen? For example "last night around 8" or "Nov 20 at 2:30pm".',
    amount: 'What was the amount?',
    reference:
      'Please give me the reference number (RRN, 12 characters) from the receipt, or the trace number with the terminal id, or the auth code. ' +
      'If you have no receipt, just say "no receipt".',
    terminalId: 'A trace number needs the terminal id to be found. What is the terminal id (8 characters, on the receipt)?',
    fallbackId: "No problem. Tell me the terminal id (8 characters) or the last 4 digits of the customer's card.",
  },
  retry: {
    time: 'I could not find a time in that. Please give the date and rough time, e.g. "today around 10am".',
    amount: 'I could not find an amount in that. Please send just the number, e.g. "3000".',
    reference: 'I could not find a reference. The RRN has 12 characters; a trace number (6 digits) with the terminal id, or the 6-character auth code, also work.',
    terminalId: 'I could not find a terminal id. It has 8 characters and is printed on the receipt.',
    fallbackId: 'I could not find a terminal id or card last 4. Please send e.g. "terminal 12345678" or "last 4 1234".',
  },
  futureTime: 'That time has not happened yet. Please tell me when the payment actually took place.',
  invalidAmount: {
    zero: 'The amount cannot be zero. Please tell me the actual amount of the payment.',
    negative: 'The amount cannot be negative. Please tell me the actual amount of the payment.',
    implausible: 'That amount does not look like a card payment. Please check it again.',
  },
  unlabelledSixDigits: (digits) => `Is ${digits} the trace number or the auth code? Please send it with its name, e.g. "trace ${digits}".`,
  confirm: (summary) => `Let me check: ${summary}. Is that right?`,
  confirmYes: 'Yes',
  confirmNo: 'No',
  whichField: 'Which part is wrong? You can just send the right value, e.g. "the amount was 2000".',
  fieldNames: { time: 'Time', amount: 'Amount', reference: 'Reference' },
  noReceiptOption: 'No receipt',
  collected: (summary) => `Thanks, I have recorded: ${summary}.`,
  diagnosis: {
    offTopic: "I'm the payments help desk assistant: I help with card payments that failed and money that did not arrive. Tell me what happened, e.g. \"the terminal shows 51\" or \"yesterday's money has not arrived\"; for anything else I can put you through to a person.",
    likelyCause: (title, summary) => `Likely cause: ${title}. ${summary}`,
    evidence: (items) => `Based on: ${items.join('; ')}.`,
    codeEvidence: (code, meaning) => `response code ${code} (${meaning})`,
    unknownCodeEvidence: (code) => `code ${code} is not a standard response code`,
    screenTextEvidence: (text) => `the terminal showed "${text}"`,
    wordsEvidence: (words) => `your words "${words}"`,
    answerEvidence: (label) => `your answer "${label}"`,
    settlementEvidence: (dueBy, mode) => `under ${mode} settlement this money is due by ${dueBy}, which has not passed yet`,
    steps: (steps) => `What to do:\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    askHelped: 'Did that solve it?',
    helpedYes: 'Yes, solved',
    helpedNo: 'No',
    resolved: (title) => `Great. The problem was: ${title}. Come back any time.`,
    offerHuman: "Sorry that didn't solve it. Shall I pass you to a person?",
    needsPerson: 'This needs a member of staff. Shall I pass you to a person?',
    uncertain: (bestGuess) => `I can't tell the cause for sure yet; the most likely is "${bestGuess}". A person should check it. Shall I pass you on?`,
    humanYes: 'Talk to a person',
    humanNo: 'No, thanks',
    goodbye: 'OK. Come back any time.',
  },
  handoff: {
    queued: (id, position, wait) =>
      `I have passed you to a person: ticket ${id}. ${position - 1} ahead of you, about ${wait} minutes. You can add details meanwhile, or say "cancel" to leave the queue.`,
    afterHours: (id, opensAt) =>
      `The help desk is closed now; ticket ${id} is recorded. An agent will answer here soon after ${opensAt}. You can add details meanwhile, or say "cancel" to leave the queue.`,
    alreadyQueued: (id) => `You are already in the queue: ticket ${id}. Please hold on.`,
    added: (id, position) => (position ? `Added to ticket ${id}. ${position - 1} ahead of you.` : `Added to ticket ${id}.`),
    cancelled: (id) => `You have left the queue; ticket ${id} is closed. Come back any time.`,
    agentJoined: (agent) => `${agent} from the help desk has joined and is looking at your case.`,
    resolved: (agent, note) => `${agent} has resolved your case: ${note}\nIf anything else comes up, just tell me.`,
    handedBack: 'The help desk has handed you back to me; how can I help?',
  },
  summary: (report, timeZone) => {
    const parts: string[] = [];
    if (report.time) parts.push(formatTimeRange(report.time, timeZone, 'en-US'));
    if (report.amount) parts.push(`sale of ${formatAmount(report.amount)}`);
    if (report.reference) parts.push(`${REFERENCE_NAMES[report.reference.kind]} ${report.reference.value}`);
    if (report.terminalId) parts.push(`terminal ${report.terminalId}`);
    if (report.cardLast4) parts.push(`card ending ${report.cardLast4}`);
    if (report.responseCode) parts.push(`response code ${report.responseCode}`);
    return parts.join(', ');
  },
};
