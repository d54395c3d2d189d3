// The agent console: logs in, lists the queue live (server-sent events), opens a ticket, claims, talks,
// notes, resolves. Merchant text is always set as textContent, never as HTML.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var token = sessionStorage.getItem('console.token');
  var me = sessionStorage.getItem('console.name');
  var role = sessionStorage.getItem('console.role');
  var current = null;
  var events = null;
  var STATUS = { open: '排队中', assigned: '处理中', waiting_on_merchant: '等商户回复', resolved: '已解决', closed: '已关闭' };
  var AUTHOR = { merchant: '商户', bot: '机器人', agent: '客服', system: '系统' };

  function api(method, path, body) {
    return fetch(path, {
      method: method,
      headers: Object.assign({ Authorization: 'Bearer ' + token }, body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (res) {
      return res.json().then(function (data) {
        if (res.status === 401) { logout(); throw new Error('请重新登录'); }
        if (!res.ok) throw new Error(data.error || ('HTTP ' + res.status));
        return data;
      });
    });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function showError(id, error) { $(id).textContent = error ? error.message || String(error) : ''; }

  function money(amount) {
    if (!amount) return null;
    var value = amount.min !== undefined ? amount.min + '–' + amount.max : amount.value;
    return amount.currency + ' ' + value;
  }

  function renderList(list, tickets) {
    list.replaceChildren();
    tickets.forEach(function (t) {
      var item = el('li');
      var button = el('button', null, t.priority);
      button.type = 'button';
      button.dataset.ticket = t.id;
      button.append(el('strong', t.id), el('br'), el('span', (t.merchant && t.merchant.name ? t.merchant.name + ' · ' : '') + (STATUS[t.status] || t.status)));
      button.addEventListener('click', function () { openTicket(t.id); });
      item.append(button);
      list.append(item);
    });
  }

  function refreshLists() {
    return Promise.all([api('GET', '/api/tickets?status=open'), api('GET', '/api/tickets')]).then(function (r) {
      $('queue-count').textContent = '(' + r[0].tickets.length + ')';
      renderList($('queue-list'), r[0].tickets);
      renderList($('mine-list'), r[1].tickets.filter(function (t) { return t.assignee === me && (t.status === 'assigned' || t.status === 'waiting_on_merchant'); }));
    });
  }

  function fact(label, value) {
    if (value === null || value === undefined || value === '') return;
    $('facts').append(el('dt', label), el('dd', value));
  }

  function renderTicket(t) {
    current = t;
    $('ticket').hidden = false;
    $('ticket-id').textContent = t.id;
    $('ticket-status').textContent = (STATUS[t.status] || t.status) + (t.assignee ? ' · ' + t.assignee : '');
    $('facts').replaceChildren();
    var r = t.report || {};
    fact('商户', t.merchant && (t.merchant.name || t.merchant.id) ? [t.merchant.name, t.merchant.id].filter(Boolean).join(' / ') : '未知');
    var at = function (iso) { return new Date(iso).toLocaleString('zh-CN', { timeZone: t.timeZone, hour12: false }); };
    fact('时间', r.time ? at(r.time.start) + (r.time.end !== r.time.start ? ' – ' + at(r.time.end) : '') + '（' + t.timeZone + '）' : null);
    fact('金额', money(r.amount));
    fact('参考号', r.reference ? r.reference.kind + ' ' + r.reference.value : null);
    fact('终端号', r.terminalId);
    fact('卡尾号', r.cardLast4);
    fact('应答码', r.responseCode);
    fact('原因', t.reason);
    fact('渠道', t.channel);
    var d = t.diagnosis;
    $('diagnosis').textContent = d && d.cause ? '疑似原因：' + d.cause + '（置信度 ' + Math.round(d.confidence * 100) + '%）' +
      (d.merchantAnswer === 'not_helped' ? '，商户说建议的处理没解决问题' : '') + '\n依据：' + d.evidence.map(function (e) { return e.kind + ' ' + e.detail; }).join('；') : '机器人未判断出原因';
    $('messages').replaceChildren();
    t.messages.forEach(function (m) {
      var item = el('li', null, m.private ? 'private' : m.author);
      item.append(el('span', (AUTHOR[m.author] || m.author) + (m.authorName ? ' ' + m.authorName : '') + (m.private ? '（备注）' : '') + ' · ' + new Date(m.at).toLocaleTimeString('zh-CN', { timeZone: t.timeZone, hour12: false }), 'who'));
      item.append(document.createTextNode(m.text));
      $('messages').append(item);
    });
    $('messages').scrollTop = $('messages').scrollHeight;
    $('suggestions').replaceChildren();
    ((d && d.suggestedSteps) || []).forEach(function (step) {
      var chip = el('button', step);
      chip.type = 'button';
      chip.addEventListener('click', function () { $('compose-text').value = step; $('compose-text').focus(); });
      $('suggestions').append(chip);
    });
    var mine = t.assignee === me;
    $('claim').hidden = t.status !== 'open';
    $('send').disabled = !mine && !$('compose-private').checked;
    $('hand-back').hidden = !mine;
    $('resolve').hidden = !mine;
  }

  function openTicket(id) {
    showError('ticket-error');
    return api('GET', '/api/tickets/' + encodeURIComponent(id)).then(renderTicket).catch(function (e) { showError('ticket-error', e); });
  }

  function act(path, body) {
    showError('ticket-error');
    return api('POST', '/api/tickets/' + encodeURIComponent(current.id) + path, body).then(function (t) { renderTicket(t); return refreshLists(); })
      .catch(function (e) { showError('ticket-error', e); });
  }

  function listen() {
    if (events) events.close();
    events = new EventSource('/api/events?token=' + encodeURIComponent(token));
    events.addEventListener('ticket', function (event) {
      var t = JSON.parse(event.data);
      refreshLists();
      if (current && current.id === t.id) renderTicket(t);
    });
  }

  function start() {
    $('login-view').hidden = true;
    $('desk').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = me;
    api('GET', '/api/causes').then(function (r) {
      r.causes.forEach(function (c) { var o = el('option', c.title.zh + '（' + c.id + '）'); o.value = c.id; $('resolve-cause').append(o); });
    });
    refreshLists();
    listen();
    if (role === 'admin') { $('admin').hidden = false; refreshAgents(); }
  }

  function refreshAgents() {
    return api('GET', '/api/agents').then(function (r) {
      $('agent-list').replaceChildren.apply($('agent-list'), r.agents.map(function (a) {
        return el('li', a.name + ' · ' + (a.role === 'admin' ? '管理员' : '客服') + ' · 上限 ' + a.maxOpen);
      }));
    });
  }

  function logout() {
    sessionStorage.removeItem('console.token');
    if (events) events.close();
    location.reload();
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    fetch('/api/agent/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: $('login-name').value, password: $('login-password').value }) })
      .then(function (res) { return res.json().then(function (data) { if (!res.ok) throw new Error(data.error || '登录失败'); return data; }); })
      .then(function (data) {
        token = data.token; me = data.name; role = data.role;
        sessionStorage.setItem('console.token', token); sessionStorage.setItem('console.name', me); sessionStorage.setItem('console.role', role);
        start();
      }).catch(function (e) { showError('login-error', e); });
  });
  $('logout').addEventListener('click', logout);
  $('claim').addEventListener('click', function () { act('/claim'); });
  $('hand-back').addEventListener('click', function () { act('/hand-back'); });
  $('compose-private').addEventListener('change', function () { if (current) renderTicket(current); });
  $('compose').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('compose-text').value.trim();
    if (!text) return;
    act('/messages', { text: text, private: $('compose-private').checked }).then(function () { $('compose-text').value = ''; });
  });
  $('resolve').addEventListener('submit', function (event) {
    event.preventDefault();
    var note = $('resolve-note').value.trim();
    if (!note) { showError('ticket-error', new Error('请填写给商户的处理结果')); return; }
    act('/resolve', { note: note, cause: $('resolve-cause').value || undefined }).then(function () { $('resolve-note').value = ''; });
  });

  $('agent-form').addEventListener('submit', function (event) {
    event.preventDefault();
    showError('agent-error');
    api('POST', '/api/agents', { name: $('agent-name').value, password: $('agent-password').value, role: $('agent-role').value, maxOpen: Number($('agent-max').value) })
      .then(function () { $('agent-name').value = ''; $('agent-password').value = ''; return refreshAgents(); })
      .catch(function (e) { showError('agent-error', e); });
  });

  if (token) start();
})();
