// Everything the bot says in Simplified Chinese.
import { formatAmount, formatTimeRange } from './format-report.js';
import type { Wording } from './wording.js';

const REFERENCE_NAMES = { rrn: '参考号', trace: '凭证号', auth: '授权码' } as const;

export const zhCN: Wording = {
  greeting: '您好，我是收单服务助手。刷卡失败、钱没到账都可以跟我说，比如：“昨晚八点多刷了3千，参考号123456789012，钱没到”。',
  greetingNamed: (name) => `${name}，您好！我是收单服务助手。刷卡失败、钱没到账都可以跟我说，比如：“昨晚八点多刷了3千，参考号123456789012，钱没到”。`,
  cardDataNotice: '为了您和顾客的资金安全，请不要发送完整卡号、密码或卡背面的CVV，我也不会向您索要。',
  cardDataMasked: '您发的内容里有完整卡号或密码，我已经隐去了，只保留卡号后四位。以后请不要发送这些信息。',
  askDescription: '请简单说一下遇到了什么问题，比如刷卡失败时屏幕上的提示，或者哪一笔钱没到账。',
  help:
    '我需要三样信息来查这笔交易：交易时间、金额，以及签购单上的参考号（也可以是凭证号加终端号，或授权码）。' +
    '没有小票的话，告诉我终端号或卡号后四位也可以。随时可以说“重新开始”、“转人工”，或直接纠正，比如“不对，是2000”。',
  cancelled: '好的，已取消。需要时随时再告诉我遇到的问题。',
  ask: {
    time: '这笔交易大概是什么时候？比如“昨晚八点多”或“11月20日14:30”。',
    amount: '交易金额是多少？',
    reference: '请提供签购单上的参考号（12位）；没有的话，凭证号加终端号或授权码也可以。没有小票请直接说“没有小票”。',
    terminalId: '凭证号需要配合终端号查询，请提供终端号（8位，签购单上有）。',
    fallbackId: '没关系。请告诉我终端号（8位），或者顾客银行卡的后四位。',
  },
  retry: {
    time: '没能看出时间。请说一下日期和大概时间，比如“今天上午10点左右”。',
    amount: '没能看出金额。请直接告诉我数字，比如“3000”或“两千八”。',
    reference: '没找到参考号。参考号是签购单上12位的号码；也可以给凭证号（6位）加终端号，或授权码（6位）。',
    terminalId: '没找到终端号。终端号是8位，印在签购单上“终端号”一栏。',
    fallbackId: '没找到终端号或卡号后四位，请再发一次，比如“终端号12345678”或“尾号1234”。',
  },
  futureTime: '这个时间还没到呢。请告诉我已经发生的那笔交易的时间。',
  invalidAmount: {
    zero: '金额不能是0，请告诉我这笔交易的实际金额。',
    negative: '金额不能是负数，请告诉我这笔交易的实际金额。',
    implausible: '这个金额看起来不像一笔刷卡交易，请再确认一下金额。',
  },
  unlabelledSixDigits: (digits) => `${digits} 是凭证号还是授权码？请带上名称再发一次，比如“凭证号${digits}”。`,
  confirm: (summary) => `我核对一下：${summary}，对吗？`,
  confirmYes: '对',
  confirmNo: '不对',
  whichField: '哪一项不对？可以直接告诉我正确的，比如“金额是2000”。',
  fieldNames: { time: '时间', amount: '金额', reference: '参考号' },
  noReceiptOption: '没有小票',
  collected: (summary) => `好的，已记录：${summary}。`,
  diagnosis: {
    offTopic: '我是收单服务助手，主要帮您处理刷卡失败、钱没到账这类问题。请告诉我遇到了什么情况，比如“刷卡显示51”或“昨天的钱没到账”；其他问题可以转人工。',
    likelyCause: (title, summary) => `可能的原因：${title}。${summary}`,
    evidence: (items) => `依据：${items.join('；')}。`,
    codeEvidence: (code, meaning) => `应答码 ${code}（${meaning}）`,
    unknownCodeEvidence: (code) => `代码 ${code} 不在标准应答码表里`,
    screenTextEvidence: (text) => `终端提示“${text}”`,
    wordsEvidence: (words) => `您提到的“${words}”`,
    answerEvidence: (label) => `您的回答“${label}”`,
    settlementEvidence: (dueBy, mode) => `按 ${mode} 结算规则，这笔钱预计在 ${dueBy} 前到账，现在还没到时间`,
    steps: (steps) => `建议这样处理：\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    askHelped: '这样能解决吗？',
    helpedYes: '解决了',
    helpedNo: '没解决',
    resolved: (title) => `太好了。这次的问题是：${title}。以后有问题随时找我。`,
    offerHuman: '抱歉没能帮您解决。需要我帮您转人工吗？',
    needsPerson: '这个问题需要工作人员帮您处理。要我帮您转人工吗？',
    uncertain: (bestGuess) => `我还不能确定原因，目前最可能是“${bestGuess}”。建议转人工进一步核查，要转吗？`,
    humanYes: '转人工',
    humanNo: '不用了',
    goodbye: '好的，有问题随时找我。',
  },
  handoff: {
    queued: (id, position, wait) => `已为您转人工，工单号 ${id}。您前面还有 ${position - 1} 位，预计约 ${wait} 分钟后客服接入。等待期间可以继续补充信息，回复“取消”可退出排队。`,
    afterHours: (id, opensAt) => `现在是非工作时间，工单 ${id} 已记录。客服会在 ${opensAt} 后尽快回复您，回复会发到这里。等待期间可以继续补充信息，回复“取消”可退出排队。`,
    alreadyQueued: (id) => `您已在排队中，工单号 ${id}，请稍候。`,
    added: (id, position) => (position ? `已补充到工单 ${id}。您前面还有 ${position - 1} 位。` : `已补充到工单 ${id}。`),
    cancelled: (id) => `已取消排队，工单 ${id} 已关闭。有问题随时找我。`,
    agentJoined: (agent) => `客服 ${agent} 已接入，正在查看您的问题。`,
    resolved: (agent, note) => `客服 ${agent} 已处理完毕：${note}\n如还有问题，随时告诉我。`,
    handedBack: '人工客服已结束，接下来由我继续为您服务。',
  },
  summary: (report, timeZone) => {
    const parts: string[] = [];
    if (report.time) parts.push(formatTimeRange(report.time, timeZone, 'zh-CN'));
    if (report.amount) parts.push(`收款 ${formatAmount(report.amount)}`);
    if (report.reference) parts.push(`${REFERENCE_NAMES[report.reference.kind]} ${report.reference.value}`);
    if (report.terminalId) parts.push(`终端号 ${report.terminalId}`);
    if (report.cardLast4) parts.push(`卡尾号 ${report.cardLast4}`);
    if (report.responseCode) parts.push(`应答码 ${report.responseCode}`);
    return parts.join('，');
  },
};
