// The chat page: gets a Direct Line token (from the embedding widget, or anonymously), resumes the last
// conversation after a reload, and renders Microsoft Web Chat against this server's /v3/directline.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var locale = params.get('locale') || (navigator.language && navigator.language.toLowerCase().indexOf('zh') === 0 ? 'zh-CN' : 'en-US');
  var embedded = params.get('embedded') === '1';
  var STORE_KEY = 'helpdesk.directline';
  var TEXT = {
    'zh-CN': { title: '商户服务助手', failed: '连接客服助手失败，请稍后刷新页面重试。' },
    'en-US': { title: 'Merchant help desk', failed: 'Could not reach the help desk. Please reload the page in a moment.' },
  }[locale === 'zh-CN' ? 'zh-CN' : 'en-US'];

  document.documentElement.lang = locale;
  document.getElementById('chat-title').textContent = params.get('title') || TEXT.title;
  document.title = params.get('title') || TEXT.title;

  function showStatus(message) {
    var status = document.getElementById('chat-status');
    status.textContent = message;
    status.hidden = false;
  }

  function userOf(token) {
    var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload)))).user;
  }

  function postJson(url, token, body) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(url, { method: 'POST', headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (res) {
      if (!res.ok) throw new Error(url + ' answered ' + res.status);
      return res.json();
    });
  }

  // Embedded in the widget: the portal page hands us a token made for its merchant.
  function tokenFromParent() {
    return new Promise(function (resolve) {
      window.addEventListener('message', function onMessage(event) {
        if (event.source !== window.parent || !event.data || event.data.type !== 'helpdesk-token') return;
        window.removeEventListener('message', onMessage);
        resolve(event.data);
      });
      window.parent.postMessage({ type: 'helpdesk-ready' }, '*');
    });
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY) || 'null'); } catch (e) { return null; }
  }

  function save(token, conversationId) {
    localStorage.setItem(STORE_KEY, JSON.stringify({ token: token, conversationId: conversationId, user: userOf(token) }));
  }

  async function connection() {
    var issued = embedded ? await tokenFromParent() : null;
    var saved = load();
    if (saved && (!issued || userOf(issued.token) === saved.user)) {
      try {
        var refreshed = await postJson('/v3/directline/tokens/refresh', saved.token);
        return { token: refreshed.token, conversationId: saved.conversationId, resume: true };
      } catch (e) { /* expired or gone: start afresh */ }
    }
    issued = issued || (await postJson('/api/widget/token', null, { locale: locale }));
    return { token: issued.token, conversationId: issued.conversationId, resume: false };
  }

  connection().then(function (conn) {
    var options = { token: conn.token, domain: location.origin + '/v3/directline' };
    if (conn.resume) { options.conversationId = conn.conversationId; options.watermark = '0'; }
    var directLine = window.WebChat.createDirectLine(options);
    save(conn.token, conn.conversationId);
    // DirectLineJS refreshes its token every 15 minutes; keep the saved copy current for reloads.
    setInterval(function () { if (directLine.token) save(directLine.token, conn.conversationId); }, 60000);
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: locale,
        userID: userOf(conn.token),
        styleOptions: { hideUploadButton: false, uploadAccept: 'image/*,.pdf', bubbleBorderRadius: 8, bubbleFromUserBorderRadius: 8, suggestedActionLayout: 'flow' },
      },
      document.getElementById('webchat'),
    );
    document.querySelector('#webchat').focus();
  }).catch(function () { showStatus(TEXT.failed); });
})();
