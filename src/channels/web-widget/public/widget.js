// The embeddable launcher: <script src="https://bot.example/widget.js" data-locale="zh-CN" data-position="right"
// data-title="在线客服" data-token-url="/portal/helpdesk-token"></script> adds a chat bubble that opens a panel
// with the bot's /chat page. data-token-url (on the portal's own backend) returns {token, conversationId} made
// with POST /api/widget/token and the secret, so the merchant is known; without it the chat is anonymous.
(function () {
  'use strict';
  var script = document.currentScript;
  var data = script.dataset;
  var botOrigin = data.botOrigin || new URL(script.src, location.href).origin;
  var locale = data.locale || 'zh-CN';
  var position = data.position === 'left' ? 'left' : 'right';
  var title = data.title || (locale === 'zh-CN' ? '在线客服' : 'Help desk');

  var style = document.createElement('style');
  style.textContent =
    '.helpdesk-bubble{position:fixed;bottom:20px;' + position + ':20px;z-index:2147483000;width:56px;height:56px;border:none;border-radius:50%;' +
    'background:#1f5fbf;color:#fff;font-size:26px;cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.25)}' +
    '.helpdesk-panel{position:fixed;bottom:88px;' + position + ':20px;z-index:2147483000;width:380px;height:600px;max-height:calc(100vh - 108px);' +
    'border:none;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);background:#fff;display:none}' +
    '.helpdesk-panel.open{display:block}' +
    '@media (max-width:480px){.helpdesk-panel{bottom:0;' + position + ':0;width:100vw;height:100%;max-height:none;border-radius:0}' +
    '.helpdesk-panel.open+.helpdesk-bubble{bottom:auto;top:8px;width:40px;height:40px;font-size:18px}}';
  document.head.appendChild(style);

  var panel = document.createElement('iframe');
  panel.className = 'helpdesk-panel';
  panel.title = title;
  panel.setAttribute('aria-label', title);
  var bubble = document.createElement('button');
  bubble.type = 'button';
  bubble.className = 'helpdesk-bubble';
  bubble.setAttribute('aria-label', title);
  bubble.setAttribute('aria-expanded', 'false');
  bubble.textContent = '💬';
  document.body.appendChild(panel);
  document.body.appendChild(bubble);

  function fetchToken() {
    var url = data.tokenUrl ? new URL(data.tokenUrl, location.href).href : botOrigin + '/api/widget/token';
    return fetch(url, {
      method: 'POST',
      credentials: data.tokenUrl ? 'include' : 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: locale }),
    }).then(function (res) {
      if (!res.ok) throw new Error('token request failed: ' + res.status);
      return res.json();
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== botOrigin || event.source !== panel.contentWindow || !event.data || event.data.type !== 'helpdesk-ready') return;
    fetchToken().then(function (issued) {
      panel.contentWindow.postMessage({ type: 'helpdesk-token', token: issued.token, conversationId: issued.conversationId }, botOrigin);
    });
  });

  bubble.addEventListener('click', function () {
    var open = !panel.classList.contains('open');
    if (open && !panel.src) {
      panel.src = botOrigin + '/chat?embedded=1&locale=' + encodeURIComponent(locale) + '&title=' + encodeURIComponent(title);
    }
    panel.classList.toggle('open', open);
    bubble.setAttribute('aria-expanded', String(open));
    bubble.textContent = open ? '×' : '💬';
  });
})();
