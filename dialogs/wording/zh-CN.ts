// Everything the bot says in simplified Chinese. (zh-TW.ts is the same in traditional characters.)
import { formatAmount, formatTimeRange } from './format-report.js';
import type { Wording } from './wording.js';

const REFERENCE_NAMES = { rrn: '参考号', trace: '凭证号', auth: '授权码' } as const;

export const zhCN: Wording = {
  greeting: '您好，我是收单服务助手。刷卡失败、钱没到账、顾客被重复扣款，都可以直接跟我说，比如“刷卡显示51”或“昨天的钱没到账”。',
  greetingNamed: (name) => `${name}，您好！我是收单服务助手。刷卡失败、钱没到账、顾客被重复扣款，都可以直接跟我说，比如“刷卡显示51”或“昨天的钱没到账”。`,
  cardDataNotice: '为了您和顾客的资金安全，请不要发完整卡号、密码或卡背面的CVV，我也不会向您要。',
  cardDataMasked: '您发的内容里有完整卡号或密码，我已经隐去了，只留卡号后四位。以后请不要发这些。',
  askDescription: ['请简单说一下遇到了什么问题，比如屏幕上的提示，或者哪一笔钱没到账。', '遇到什么情况了？屏幕显示了什么，或者是哪笔钱没到？'],
  help: '直接告诉我遇到的问题就行，比如“刷卡显示55”“机器没信号”“前天的钱没到账”。随时可以说“转人工”找客服，说“重新开始”从头来，说“我的记录”看以前报过的问题。',
  cancelled: '好的，已清空。需要时随时再告诉我遇到的问题。',
  invalid: {
    future_time: '这个时间还没到呢。请告诉我那笔交易实际发生的时间。',
    zero: '金额不能是0，请告诉我这笔交易的实际金额。',
    negative: '金额不能是负数，请告诉我这笔交易的实际金额。',
    implausible: '这个金额看起来不像一笔刷卡交易，请再确认一下。',
  },
  ask: {
    kind: ['我先确认一下是哪种情况：', '是下面哪种情况？'],
    kindChoices: { terminal: '刷卡时失败了', not_arrived: '刷成功了，钱没到账', charged_twice: '顾客被扣了两次', qr: '扫码付款的问题' },
    time: ['这笔交易大概是什么时候刷的？比如“昨晚八点多”。不记得的话说“不知道”就行。', '大概是哪天、几点刷的这笔？记不清就说“不知道”。'],
    helped: ['按这个试一下，好了跟我说一声。', '试过之后好了吗？', '现在能用了吗？'],
    helpedYes: '好了',
    helpedNo: '还是不行',
    person: ['这个需要工作人员帮您处理，要帮您转人工吗？', '要不要我帮您转给人工客服？'],
    personAfterNoHelp: ['抱歉没帮您解决。要帮您转人工吗？', '辛苦了，还是没好的话我帮您转人工，好吗？'],
    personYes: '转人工',
    personNo: '先不用',
    notUnderstood: ['我没太看明白。', '不好意思，没看懂您的意思。'],
    pickOne: '点一下下面的选项就行，或者说“转人工”。',
  },
  diagnosis: {
    offTopic: '我是收单服务助手，主要帮您处理刷卡失败、钱没到账这类问题。告诉我遇到了什么情况就行，比如“刷卡显示51”或“昨天的钱没到账”；其他问题可以转人工。',
    calm: ['别急，顾客在等的话先看这个：', '先别着急，大概是这样：'],
    likelyCause: (title, summary) => `原因多半是：${title}。${summary}`,
    evidence: (items) => `（依据：${items.join('；')}）`,
    codeEvidence: (code, meaning) => `应答码 ${code}，${meaning}`,
    unknownCodeEvidence: (code) => `代码 ${code} 不在标准应答码表里`,
    screenTextEvidence: (text) => `终端提示“${text}”`,
    wordsEvidence: (words) => `您说的“${words}”`,
    answerEvidence: (label) => `您的回答“${label}”`,
    settlementEvidence: (dueBy, mode, market) => `按${market}的 ${mode} 结算规则，这笔钱应在 ${dueBy} 前到账，现在还没到时间`,
    steps: (steps) => `这样处理：\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    tellCustomer: (line) => `可以先跟顾客说：“${line}”`,
    unsure: (bestGuess) => `我还不能确定原因，可能是“${bestGuess}”。`,
    resolved: (title) => `太好了，问题解决了（${title}）。`,
    prevention: (line) => `以后可以注意：${line}`,
    goodbye: ['好的，有问题随时找我。', '好的，需要的话随时说“转人工”或告诉我新的问题。'],
  },
  handoff: {
    queued: (id, position, wait) => `已为您转人工，工单号 ${id}。您前面还有 ${position - 1} 位，大约 ${wait} 分钟后客服接入，回复会发到这里。说“取消”可以退出排队。`,
    afterHours: (id, opensAt) => `现在是非工作时间，工单 ${id} 已记下。客服 ${opensAt} 上班后会尽快回复您，回复会发到这里。说“取消”可以退出排队。`,
    alreadyQueued: (id) => `您已经在排队了，工单号 ${id}，请稍等。`,
    joined: (id) => `这笔交易已经有工单 ${id} 在处理了，我把您这边也接上了，客服的回复会同时发到这里。`,
    addDetails: (names) => `方便的话再告诉我：${names.join('、')}，客服能查得更快。不知道也没关系。`,
    detailNames: { time: '交易时间', amount: '金额', reference: '签购单上的参考号（没有就给卡号后四位）', orderNumber: '顾客付款页面上的订单号' },
    added: (id, position) => [
      position ? `已补充到工单 ${id}，您前面还有 ${position - 1} 位。` : `已补充到工单 ${id}。`,
      `收到，也记在工单 ${id} 上了，客服接入后能看到。`,
    ],
    cancelled: (id) => `已退出排队，工单 ${id} 已关闭。有问题随时找我。`,
    agentJoined: (agent) => `客服 ${agent} 已接入，正在看您的问题。`,
    resolved: (agent, note) => `客服 ${agent} 已处理完毕：${note}\n如果还有问题，随时告诉我。`,
    handedBack: '人工客服已结束，接下来由我继续为您服务。',
  },
  records: {
    heading: (count) => `您最近报过的 ${count} 个问题：`,
    empty: '这里还没有您报过的问题记录。',
    outcome: { resolved: '已解决', handed_over: '已转人工', closed: '已结束' },
    noCause: '原因未定',
  },
  summary: (report, timeZone) => {
    const parts: string[] = [];
    if (report.time) parts.push(formatTimeRange(report.time, timeZone, 'zh-CN'));
    if (report.amount) parts.push(`收款 ${formatAmount(report.amount)}`);
    if (report.reference) parts.push(`${REFERENCE_NAMES[report.reference.kind]} ${report.reference.value}`);
    if (report.orderNumber) parts.push(`订单号 ${report.orderNumber}`);
    if (report.terminalId) parts.push(`终端号 ${report.terminalId}`);
    if (report.cardLast4) parts.push(`卡尾号 ${report.cardLast4}`);
    if (report.responseCode) parts.push(`应答码 ${report.responseCode}`);
    return parts.join('，');
  },
};
