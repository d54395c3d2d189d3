// Everything the bot says in English.
import { formatAmount, formatTimeRange } from './format-report.js';
import type { Wording } from './wording.js';

const REFERENCE_NAMES = { rrn: 'reference no. (RRN)', trace: 'trace no.', auth: 'auth code' } as const;

export const enUS: Wording = {
  greeting: "Hi, I'm the payments help desk assistant. Tell me about a card payment that failed, money that hasn't arrived, or a customer charged twice, e.g. \"the terminal says declined 05\".",
  greetingNamed: (name) => `Hi ${name}, I'm the payments help desk assistant. Tell me about a card payment that failed, money that hasn't arrived, or a customer charged twice, e.g. "the terminal says declined 05".`,
  cardDataNotice: "For your and your customers' safety, never send a full card number, PIN or CVV. I will never ask for them.",
  cardDataMasked: 'Your message had a full card number or a PIN in it; I removed it and kept only the last 4 digits. Please never send these.',
  askDescription: ['What went wrong? For example what the terminal showed, or which payment has not arrived.', 'Tell me what happened, e.g. the message on the screen or the deposit that is missing.'],
  help: 'Just tell me the problem, e.g. "declined 51", "terminal has no connection" or "Friday\'s deposit is missing". Say "agent" any time for a person, "start over" to begin again, or "my reports" for what you reported before.',
  cancelled: "OK, I've cleared that. Tell me about the problem whenever you're ready.",
  invalid: {
    future_time: "That time hasn't happened yet. When did the payment actually take place?",
    zero: 'The amount cannot be zero. What was the actual amount?',
    negative: 'The amount cannot be negative. What was the actual amount?',
    implausible: "That amount doesn't look like a card payment. Could you check it?",
  },
  ask: {
    kind: ['Which of these is it?', 'Just so I look in the right place, which one is it?'],
    kindChoices: { terminal: 'The payment failed at the terminal', not_arrived: "It went through, the money hasn't arrived", charged_twice: 'The customer was charged twice', qr: 'A QR code payment' },
    time: ['Roughly when was the sale? e.g. "yesterday around 3pm". If you don\'t remember, just say "don\'t know".', 'When did that sale happen, roughly? "Don\'t know" is fine too.'],
    helped: ['Give that a try and let me know if it worked.', 'Did that sort it out?', 'Is it working now?'],
    helpedYes: 'It worked',
    helpedNo: 'Still not working',
    person: ['This needs someone from the help desk. Shall I pass you to a person?', 'Would you like me to pass this to a person?'],
    personAfterNoHelp: ["Sorry that didn't fix it. Shall I get a person to help?", 'Still stuck? I can pass you to a person, shall I?'],
    personYes: 'Talk to a person',
    personNo: 'Not now',
    notUnderstood: ["Sorry, I didn't quite get that.", "I'm not sure I understood."],
    pickOne: 'Just tap one of these, or say "agent".',
  },
  diagnosis: {
    offTopic: "I'm the payments help desk assistant: I help with card payments that failed and money that hasn't arrived. Tell me what happened, e.g. \"the terminal shows 51\" or \"yesterday's money has not arrived\"; for anything else I can put you through to a person.",
    calm: ["Don't worry, with the customer waiting here's what it is:", 'No panic, this is most likely it:'],
    likelyCause: (title, summary) => `Most likely: ${title}. ${summary}`,
    evidence: (items) => `(Based on ${items.join('; ')}.)`,
    codeEvidence: (code, meaning) => `response code ${code}, ${meaning}`,
    unknownCodeEvidence: (code) => `code ${code}, which is not a standard response code`,
    screenTextEvidence: (text) => `the terminal showing "${text}"`,
    wordsEvidence: (words) => `your words "${words}"`,
    answerEvidence: (label) => `your answer "${label}"`,
    settlementEvidence: (dueBy, mode, market) => `the ${mode} settlement rules of ${market}: this money is due by ${dueBy}, which has not passed yet`,
    steps: (steps) => `What to do:\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    tellCustomer: (line) => `You can tell the customer: "${line}"`,
    unsure: (bestGuess) => `I can't tell the cause for sure; it may be "${bestGuess}".`,
    resolved: (title) => `Great, glad it's sorted (${title}).`,
    prevention: (line) => `For next time: ${line}`,
    goodbye: ['OK. Come back any time.', 'All right. Say "agent" or tell me a new problem whenever you need.'],
  },
  handoff: {
    queued: (id, position, wait) =>
      `I've passed you to a person: ticket ${id}. ${position - 1} ahead of you, about ${wait} minutes; the reply will come here. Say "cancel" to leave the queue.`,
    afterHours: (id, opensAt) => `The help desk is closed now; ticket ${id} is recorded. Someone will reply here soon after ${opensAt}. Say "cancel" to leave the queue.`,
    alreadyQueued: (id) => `You're already in the queue: ticket ${id}. Please hold on.`,
    joined: (id) => `There is already ticket ${id} for this payment. I've linked this chat to it, so the agent's replies will reach you here too.`,
    addDetails: (names) => `If you have them, tell me the ${names.join(', ')}: it helps the agent find it faster. "Don't know" is fine.`,
    detailNames: { time: 'time of the sale', amount: 'amount', reference: "reference number on the receipt (or the card's last 4)", orderNumber: "order number on the customer's payment screen" },
    added: (id, position) => [
      position ? `Added to ticket ${id}. ${position - 1} ahead of you.` : `Added to ticket ${id}.`,
      `Got it, that's on ticket ${id} too; the agent will see it.`,
    ],
    cancelled: (id) => `You've left the queue; ticket ${id} is closed. Come back any time.`,
    agentJoined: (agent) => `${agent} from the help desk has joined and is looking at your case.`,
    resolved: (agent, note) => `${agent} has resolved your case: ${note}\nIf anything else comes up, just tell me.`,
    handedBack: "The help desk has handed you back to me. How can I help?",
  },
  records: {
    heading: (count) => `The last ${count} problem${count === 1 ? '' : 's'} you reported:`,
    empty: "You haven't reported any problems here yet.",
    outcome: { resolved: 'solved', handed_over: 'passed to a person', closed: 'closed' },
    noCause: 'cause not found',
  },
  summary: (report, timeZone) => {
    const parts: string[] = [];
    if (report.time) parts.push(formatTimeRange(report.time, timeZone, 'en-US'));
    if (report.amount) parts.push(`sale of ${formatAmount(report.amount)}`);
    if (report.reference) parts.push(`${REFERENCE_NAMES[report.reference.kind]} ${report.reference.value}`);
    if (report.orderNumber) parts.push(`order no. ${report.orderNumber}`);
    if (report.terminalId) parts.push(`terminal ${report.terminalId}`);
    if (report.cardLast4) parts.push(`card ending ${report.cardLast4}`);
    if (report.responseCode) parts.push(`response code ${report.responseCode}`);
    return parts.join(', ');
  },
};
