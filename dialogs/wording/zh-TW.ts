// Everything the bot says in traditional Chinese, for merchants in Taiwan and Hong Kong (from zh-CN.ts, converted with OpenCC s2twp and reviewed).
import { formatAmount, formatTimeRange } from './format-report.js';
import type { Wording } from './wording.js';

const REFERENCE_NAMES = { rrn: '參考號', trace: '憑證號', auth: '授權碼' } as const;

export const zhTW: Wording = {
  greeting: '您好，我是收單服務助手。刷卡失敗、錢沒入帳、顧客被重複扣款，都可以直接跟我說，比如「刷卡顯示51」或「昨天的錢沒入帳」。',
  greetingNamed: (name) => `${name}，您好！我是收單服務助手。刷卡失敗、錢沒入帳、顧客被重複扣款，都可以直接跟我說，比如「刷卡顯示51」或「昨天的錢沒入帳」。`,
  cardDataNotice: '為了您和顧客的資金安全，請不要發完整卡號、密碼或卡背面的CVV，我也不會向您要。',
  cardDataMasked: '您發的內容裡有完整卡號或密碼，我已經隱去了，只留卡號後四位。以後請不要發這些。',
  askDescription: ['請簡單說一下遇到了什麼問題，比如螢幕上的提示，或者哪一筆錢沒入帳。', '遇到什麼情況了？螢幕顯示了什麼，或者是哪筆錢沒到？'],
  help: '直接告訴我遇到的問題就行，比如「刷卡顯示55」「機器沒訊號」「前天的錢沒入帳」。隨時可以說「轉人工」找客服，說「重新開始」從頭來，說「我的記錄」看以前報過的問題。',
  cancelled: '好的，已清空。需要時隨時再告訴我遇到的問題。',
  invalid: {
    future_time: '這個時間還沒到呢。請告訴我那筆交易實際發生的時間。',
    zero: '金額不能是0，請告訴我這筆交易的實際金額。',
    negative: '金額不能是負數，請告訴我這筆交易的實際金額。',
    implausible: '這個金額看起來不像一筆刷卡交易，請再確認一下。',
  },
  ask: {
    kind: ['我先確認一下是哪種情況：', '是下面哪種情況？'],
    kindChoices: { terminal: '刷卡時失敗了', not_arrived: '刷成功了，錢沒入帳', charged_twice: '顧客被扣了兩次', qr: '掃碼付款的問題' },
    time: ['這筆交易大概是什麼時候刷的？比如「昨晚八點多」。不記得的話說「不知道」就行。', '大概是哪天、幾點刷的這筆？記不清就說「不知道」。'],
    helped: ['按這個試一下，好了跟我說一聲。', '試過之後好了嗎？', '現在能用了嗎？'],
    helpedYes: '好了',
    helpedNo: '還是不行',
    person: ['這個需要工作人員幫您處理，要幫您轉人工嗎？', '要不要我幫您轉給人工客服？'],
    personAfterNoHelp: ['抱歉沒幫您解決。要幫您轉人工嗎？', '辛苦了，還是沒好的話我幫您轉人工，好嗎？'],
    personYes: '轉人工',
    personNo: '先不用',
    notUnderstood: ['我沒太看明白。', '不好意思，沒看懂您的意思。'],
    pickOne: '點一下下面的選項就行，或者說「轉人工」。',
  },
  diagnosis: {
    offTopic: '我是收單服務助手，主要幫您處理刷卡失敗、錢沒入帳這類問題。告訴我遇到了什麼情況就行，比如「刷卡顯示51」或「昨天的錢沒入帳」；其他問題可以轉人工。',
    calm: ['別急，顧客在等的話先看這個：', '先彆著急，大概是這樣：'],
    likelyCause: (title, summary) => `原因多半是：${title}。${summary}`,
    evidence: (items) => `（依據：${items.join('；')}）`,
    codeEvidence: (code, meaning) => `應答碼 ${code}，${meaning}`,
    unknownCodeEvidence: (code) => `程式碼 ${code} 不在標準應答碼錶裡`,
    screenTextEvidence: (text) => `終端提示「${text}」`,
    wordsEvidence: (words) => `您說的「${words}」`,
    answerEvidence: (label) => `您的回答「${label}」`,
    settlementEvidence: (dueBy, mode, market) => `按${market}的 ${mode} 結算規則，這筆錢應在 ${dueBy} 前入帳，現在還沒到時間`,
    steps: (steps) => `這樣處理：\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    tellCustomer: (line) => `可以先跟顧客說：「${line}」`,
    unsure: (bestGuess) => `我還不能確定原因，可能是「${bestGuess}」。`,
    resolved: (title) => `太好了，問題解決了（${title}）。`,
    prevention: (line) => `以後可以注意：${line}`,
    goodbye: ['好的，有問題隨時找我。', '好的，需要的話隨時說「轉人工」或告訴我新的問題。'],
  },
  handoff: {
    queued: (id, position, wait) => `已為您轉人工，工單號 ${id}。您前面還有 ${position - 1} 位，大約 ${wait} 分鐘後客服接入，回覆會發到這裡。說「取消」可以退出排隊。`,
    afterHours: (id, opensAt) => `現在是非工作時間，工單 ${id} 已記下。客服 ${opensAt} 上班後會儘快回覆您，回覆會發到這裡。說「取消」可以退出排隊。`,
    alreadyQueued: (id) => `您已經在排隊了，工單號 ${id}，請稍等。`,
    joined: (id) => `這筆交易已經有工單 ${id} 在處理了，我把您這邊也接上了，客服的回覆會同時發到這裡。`,
    addDetails: (names) => `方便的話再告訴我：${names.join('、')}，客服能查得更快。不知道也沒關係。`,
    detailNames: { time: '交易時間', amount: '金額', reference: '簽購單上的參考號（沒有就給卡號後四位）', orderNumber: '顧客付款頁面上的訂單號' },
    added: (id, position) => [
      position ? `已補充到工單 ${id}，您前面還有 ${position - 1} 位。` : `已補充到工單 ${id}。`,
      `收到，也記在工單 ${id} 上了，客服接入後能看到。`,
    ],
    cancelled: (id) => `已退出排隊，工單 ${id} 已關閉。有問題隨時找我。`,
    agentJoined: (agent) => `客服 ${agent} 已接入，正在看您的問題。`,
    resolved: (agent, note) => `客服 ${agent} 已處理完畢：${note}\n如果還有問題，隨時告訴我。`,
    handedBack: '人工客服已結束，接下來由我繼續為您服務。',
  },
  records: {
    heading: (count) => `您最近報過的 ${count} 個問題：`,
    empty: '這裡還沒有您報過的問題記錄。',
    outcome: { resolved: '已解決', handed_over: '已轉人工', closed: '已結束' },
    noCause: '原因未定',
  },
  summary: (report, timeZone) => {
    const parts: string[] = [];
    if (report.time) parts.push(formatTimeRange(report.time, timeZone, 'zh-CN'));
    if (report.amount) parts.push(`收款 ${formatAmount(report.amount)}`);
    if (report.reference) parts.push(`${REFERENCE_NAMES[report.reference.kind]} ${report.reference.value}`);
    if (report.orderNumber) parts.push(`訂單號 ${report.orderNumber}`);
    if (report.terminalId) parts.push(`終端號 ${report.terminalId}`);
    if (report.cardLast4) parts.push(`卡尾號 ${report.cardLast4}`);
    if (report.responseCode) parts.push(`應答碼 ${report.responseCode}`);
    return parts.join('，');
  },
};
