/*! Parley chat widget. Paste the snippet from Parley's workspace (Chat widget) into the shop's pages. */
(function () {
  'use strict';
  if (window.__parleyWidget) return;
  window.__parleyWidget = true;

  var script = document.currentScript || document.querySelector('script[src$="/widget.js"]');
  var BASE = new URL(script ? script.src : '/widget.js', location.href).origin;
  var API = BASE + '/api/v1';
  var KEY = 'parley:' + BASE;
  var MAX_TEXT = 4000;

  // ---- storage: the visitor's identity and unsent messages survive reloads --------------------------------------
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  var saved = load();
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* private mode: this page only */ }
  }
  saved.outbox = saved.outbox || [];

  // ---- HTTP ----------------------------------------------------------------------------------------------------
  function request(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (saved.token) headers.Authorization = 'Bearer ' + saved.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(API + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), mode: 'cors', credentials: 'omit' })
      .then(function (response) {
        if (response.status === 204) return null;
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) {
            var error = new Error(data.detail || data.title || ('HTTP ' + response.status));
            error.status = response.status;
            throw error;
          }
          return data;
        });
      });
  }

  function visitor() {
    if (saved.token) return Promise.resolve();
    return request('POST', '/visitors').then(function (created) {
      saved.visitorId = created.visitorId;
      saved.token = created.token;
      save();
    });
  }

  function conversation() {
    if (saved.conversationId) return Promise.resolve(saved.conversationId);
    return visitor().then(function () { return request('POST', '/conversations'); }).then(function (created) {
      saved.conversationId = created.id;
      save();
      follow(created.id, 0);
      return created.id;
    });
  }

  // ---- the view, in a shadow root so the shop's styles and ours never mix ---------------------------------------
  var host = document.createElement('div');
  host.id = 'parley-chat';
  var root = host.attachShadow({ mode: 'open' });
  var styles = '';
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
    var sheet = new CSSStyleSheet(); // constructed sheets pass shops whose CSP forbids inline <style>
    sheet.replaceSync(CSS());
    root.adoptedStyleSheets = [sheet];
  } else {
    styles = '<style>' + CSS() + '</style>';
  }
  root.innerHTML = styles +
    '<button class="bubble" type="button" aria-label="Open chat" aria-expanded="false">' +
    '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>' +
    '<span class="unread" hidden></span></button>' +
    '<section class="window" role="dialog" aria-label="Chat" hidden>' +
    '<header><span class="who"><span class="avatar" aria-hidden="true"></span><span class="title">Chat with us</span></span>' +
    '<button class="close" type="button" aria-label="Close chat">\u00d7</button></header>' +
    '<p class="notice" hidden></p>' +
    '<ol class="messages" aria-live="polite"></ol>' +
    '<p class="typing" hidden></p>' +
    '<form class="composer"><textarea rows="1" maxlength="' + MAX_TEXT + '" placeholder="Write a message\u2026" aria-label="Message"></textarea>' +
    '<button type="submit" aria-label="Send">Send</button></form>' +
    '</section>';
  var $ = function (css) { return root.querySelector(css); };
  var bubble = $('.bubble'), win = $('.window'), list = $('.messages'), input = $('textarea'), notice = $('.notice');
  var typingLine = $('.typing'), unreadBadge = $('.unread');

  var shown = {}; // "conversationId:seq" or "pending:clientMessageId" -> li
  var unread = 0;

  function setOpen(open) {
    win.hidden = !open;
    bubble.setAttribute('aria-expanded', String(open));
    saved.open = open;
    save();
    if (open) {
      unread = 0;
      showUnread();
      input.focus();
      list.scrollTop = list.scrollHeight;
      markSeen();
    }
  }

  function showUnread() {
    unreadBadge.hidden = unread === 0;
    unreadBadge.textContent = unread > 9 ? '9+' : String(unread);
  }

  function time(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function senderType(message) {
    return (message.sender && message.sender.type || 'SYSTEM').toLowerCase();
  }

  function render(message, li) {
    var type = senderType(message);
    li = li || document.createElement('li');
    li.className = 'message ' + type;
    li.textContent = '';
    if (type === 'agent' && message.sender.name) {
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = message.sender.name;
      li.appendChild(name);
      setAgent(message.sender.name, message.sender.id);
    }
    var text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text; // text, never markup
    li.appendChild(text);
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = message.pending ? (message.failed ? 'Not sent. Tap to try again' : 'Sending\u2026') : time(message.createdAt);
    li.appendChild(meta);
    li.dataset.seq = message.seq || '';
    return li;
  }

  /** The agent's name and avatar in the header: their picture once it loads, their initial until then (or instead). */
  function setAgent(name, id) {
    var avatar = $('.avatar');
    $('.title').textContent = name;
    avatar.classList.add('shown');
    if (avatar.dataset.agent === id) return;
    avatar.dataset.agent = id || '';
    avatar.textContent = name.trim().charAt(0).toUpperCase();
    if (!id) return;
    var picture = new Image();
    picture.alt = '';
    picture.onload = function () {
      if (avatar.dataset.agent === id) {
        avatar.textContent = '';
        avatar.appendChild(picture);
      }
    };
    picture.src = API + '/agents/' + encodeURIComponent(id) + '/avatar';
  }

  function show(message) {
    var key = message.conversationId + ':' + message.seq;
    if (shown[key]) return;
    var pendingKey = 'pending:' + message.clientMessageId;
    var li = shown[pendingKey];
    if (li) {
      delete shown[pendingKey];
      render(message, li);
    } else {
      li = render(message);
      list.appendChild(li);
      if (senderType(message) !== 'visitor' && win.hidden) {
        unread++;
        showUnread();
      }
    }
    shown[key] = li;
    if (message.seq && message.seq <= agentSeen) li.classList.add('seen');
    if (senderType(message) === 'agent') typing(false);
    list.scrollTop = list.scrollHeight;
    if (!win.hidden) markSeen();
  }

  function typing(on, name) {
    typingLine.hidden = !on;
    typingLine.textContent = on ? (name || 'The agent') + ' is typing\u2026' : '';
  }

  /**
   * The notice line, with what it is about: 'error' (a refused message), 'connection', 'offline' (no agent online) or
   * 'blocked'. Each news clears only its own kind, so a reconnection does not hide that nobody is online.
   */
  function say(text, kind) {
    notice.hidden = !text;
    notice.textContent = text || '';
    notice.dataset.kind = text ? kind : '';
  }

  function unsay(kind) {
    if (notice.dataset.kind === kind) say('');
  }

  // ---- sending: stored in the outbox first, retried with the same id until the server has it ----------------------
  function id() {
    return (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : 'm' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function send(text) {
    text = text.trim();
    if (!text) return;
    if ([...text].length > MAX_TEXT) {
      say('Messages are at most ' + MAX_TEXT + ' characters.', 'error');
      return;
    }
    var item = { clientMessageId: id(), text: text };
    saved.outbox.push(item);
    save();
    pendingView(item);
    flush();
  }

  function pendingView(item) {
    var li = render({ sender: { type: 'VISITOR' }, text: item.text, pending: true, failed: item.failed });
    li.classList.add('pending');
    li.addEventListener('click', function () {
      if (item.failed) { item.failed = false; render({ sender: { type: 'VISITOR' }, text: item.text, pending: true }, li); flush(); }
    });
    shown['pending:' + item.clientMessageId] = li;
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  var flushing = false, retryDelay = 1000;
  function flush() {
    if (flushing || !saved.outbox.length) return;
    flushing = true;
    var item = saved.outbox[0];
    conversation().then(function (conversationId) {
      return post(conversationId, item);
    }).then(function (message) {
      saved.outbox.shift();
      if (message.conversationId !== saved.conversationId) { // the chat was closed: this started a new one
        saved.conversationId = message.conversationId;
        follow(message.conversationId, 0);
      }
      save();
      retryDelay = 1000;
      unsay('connection');
      unsay('error');
      show(message);
      flushing = false;
      flush();
    }, function (error) {
      flushing = false;
      if (error.status === 401 || error.status === 404) { // forgotten visitor or conversation: start over
        saved.token = saved.conversationId = null;
        save();
        setTimeout(flush, 0);
      } else if (error.status === 403) {
        saved.outbox.forEach(function (queued) {
          var pending = shown['pending:' + queued.clientMessageId];
          if (pending) pending.classList.add('failed');
        });
        saved.outbox = [];
        save();
        blocked(error);
      } else if (error.status && error.status < 500 && error.status !== 429) {
        saved.outbox.shift();
        save();
        var li = shown['pending:' + item.clientMessageId];
        if (li) li.classList.add('failed');
        say(error.message, 'error');
        flush();
      } else {
        say(error.status === 429 ? 'You are sending messages quickly; they go out in a moment.' : error.status === 503 ? 'Many messages are arriving just now; yours go out in a moment.' : 'Connection lost. Your messages are sent when it is back.', 'connection');
        setTimeout(flush, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    });
  }

  // Over the open WebSocket when there is one (answered by a 'sent' frame once stored), else over HTTP.
  var awaiting = {}; // clientMessageId -> the send waiting for its answer
  function post(conversationId, item) {
    if (!(socket && socket.readyState === 1 && socket.ready)) {
      return request('POST', '/conversations/' + encodeURIComponent(conversationId) + '/messages', { text: item.text, clientMessageId: item.clientMessageId });
    }
    var open = socket;
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () { settle(item.clientMessageId, null, 'No answer in time'); }, 15000);
      awaiting[item.clientMessageId] = { resolve: resolve, reject: reject, timer: timer };
      open.send(JSON.stringify({ type: 'send', conversationId: conversationId, clientMessageId: item.clientMessageId, text: item.text }));
    });
  }

  /** Answers a send: with the stored message, or an error (status 0: no answer, send it again). */
  function settle(clientMessageId, message, problem, status) {
    var waiting = awaiting[clientMessageId];
    if (!waiting) return;
    delete awaiting[clientMessageId];
    clearTimeout(waiting.timer);
    if (!problem) { waiting.resolve(message); return; }
    var error = new Error(problem);
    error.status = status || 0;
    waiting.reject(error);
  }

  // ---- receiving: one WebSocket, resumed from the last sequence number after every drop --------------------------
  var socket = null, following = null, lastSeq = 0, reconnectDelay = 1000, pinger = null;

  function follow(conversationId, after) {
    if (following !== conversationId) {
      agentSeen = 0;
      seenSent = 0;
      if (events && events.close) events.close(); // the SSE stream is per conversation
      events = null;
    }
    following = conversationId;
    lastSeq = after || 0;
    // "Seen" as it stands; later marks come as seen frames.
    request('GET', '/conversations/' + conversationId + '/seen').then(function (marks) {
      if (marks && conversationId === following) showSeen(marks.agents);
    }).catch(function () {});
    if (socket && socket.readyState === 1 && socket.ready) subscribe();
    else connect();
  }

  function subscribe() {
    socket.send(JSON.stringify({ type: 'subscribe', conversationId: following, after: lastSeq }));
  }

  var wsFailures = 0, events = null;

  /** Frames from either transport end up here. */
  function onFrame(frame) {
    if (frame.type === 'sent' && frame.message) {
      settle(frame.clientMessageId, frame.message);
    } else if (frame.type === 'error' && frame.clientMessageId) {
      settle(frame.clientMessageId, null, frame.detail || frame.title || ('Error ' + frame.status), frame.status);
    } else if (frame.type === 'message' && frame.message) {
      if (frame.message.conversationId === following) lastSeq = Math.max(lastSeq, frame.message.seq);
      show(frame.message);
    } else if (frame.type === 'subscribed') {
      unsay('connection');
    } else if (frame.type === 'typing' && frame.sender && frame.sender.type === 'AGENT') {
      typing(frame.typing !== false, frame.sender.name);
    } else if (frame.type === 'seen' && frame.by && frame.by.type === 'AGENT' && frame.conversationId === following) {
      showSeen(frame.seq);
    } else if (frame.type === 'availability') {
      host.dataset.agentsOnline = String(frame.online === true); // for the shop's styles and scripts
      available(frame.online);
    } else if (frame.type === 'error' && frame.status === 401) {
      saved.token = saved.conversationId = null;
      save();
    }
  }

  function connect() {
    if (!saved.token || !following) return;
    if (wsFailures >= 2 && window.EventSource) { listen(); return; } // WebSocket blocked on the way: use SSE
    if (socket && socket.readyState <= 1) return;
    socket = new WebSocket(BASE.replace(/^http/, 'ws') + '/api/v1/stream');
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'auth', token: saved.token }));
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === 'ready') {
        socket.ready = true;
        wsFailures = 0;
        reconnectDelay = 1000;
        subscribe();
        clearInterval(pinger);
        pinger = setInterval(function () { if (socket.readyState === 1) socket.send('{"type":"ping"}'); }, 25000);
      } else {
        onFrame(frame);
      }
    };
    socket.onclose = function () {
      if (!socket.ready) wsFailures++;
      Object.keys(awaiting).forEach(function (waiting) { settle(waiting, null, 'Connection lost'); });
      clearInterval(pinger);
      socket = null;
      setTimeout(connect, reconnectDelay + Math.random() * 500);
      reconnectDelay = Math.min(reconnectDelay * 2, 30000);
    };
  }

  /**
   * The fallback when WebSockets are blocked on the way: Server-Sent Events with a 60-second ticket (EventSource
   * cannot send the token, and the token never goes into a URL). The browser resumes by itself with Last-Event-ID;
   * once the ticket has expired, a new one is taken and the stream reopened after the last seq seen.
   */
  function listen() {
    if (events || !following) return;
    var conversationId = following;
    events = {};
    request('POST', '/stream/tickets').then(function (answer) {
      var source = new EventSource(API + '/stream/sse?conversationId=' + encodeURIComponent(conversationId)
        + '&after=' + lastSeq + '&ticket=' + encodeURIComponent(answer.ticket));
      events = source;
      ['message', 'subscribed', 'typing', 'seen', 'availability'].forEach(function (name) {
        source.addEventListener(name, function (event) {
          try { onFrame(JSON.parse(event.data)); } catch (e) { /* a broken event is skipped */ }
        });
      });
      source.onerror = function () {
        if (source.readyState === 2) { // closed for good (expired ticket): start again after what was seen
          events = null;
          setTimeout(listen, 1000);
        }
      };
    }, function () {
      events = null;
      setTimeout(listen, 5000);
    });
  }

  // ---- read receipts and typing, both ways -------------------------------------------------------------------------
  var agentSeen = 0, seenSent = 0, seenTimer = null, typingSentAt = 0, typingShown = false;

  /** Tells the agents how far the visitor has read, once the messages have settled (a catch-up sends one mark). */
  function markSeen() {
    clearTimeout(seenTimer);
    seenTimer = setTimeout(function () {
      if (!saved.token || !following || win.hidden || lastSeq <= seenSent) return;
      seenSent = lastSeq;
      if (socket && socket.readyState === 1 && socket.ready) {
        socket.send(JSON.stringify({ type: 'seen', conversationId: following, seq: seenSent }));
      } else {
        request('PUT', '/conversations/' + following + '/seen', { seq: seenSent }).catch(function () { seenSent = 0; });
      }
    }, 300);
  }

  /** Marks the visitor's messages up to seq as seen by an agent. */
  function showSeen(seq) {
    agentSeen = Math.max(agentSeen, seq || 0);
    list.querySelectorAll('.message.visitor').forEach(function (li) {
      if (li.dataset.seq && Number(li.dataset.seq) <= agentSeen) li.classList.add('seen');
    });
  }

  /** typing:true at most every 2 s while the visitor types (the server throttles the same way), false when done. */
  function sendTyping(on) {
    var viaSocket = socket && socket.readyState === 1 && socket.ready;
    if (!following || (!viaSocket && !events)) return;
    var now = Date.now();
    if (on && now - typingSentAt < 2000) return;
    if (!on && !typingShown) return;
    typingSentAt = on ? now : typingSentAt;
    typingShown = on;
    if (viaSocket) socket.send(JSON.stringify({ type: 'typing', conversationId: following, typing: on }));
    else request('POST', '/conversations/' + encodeURIComponent(following) + '/typing', { typing: on }).catch(function () {});
  }

  function available(online) {
    if (online === false) say('No agent is online right now. Leave your message: we answer as soon as we are back.', 'offline');
    else unsay('offline');
  }

  function blocked(error) {
    input.disabled = true;
    $('.composer button').disabled = true;
    say(error.message || 'Sorry, you cannot start new chats here.', 'blocked');
  }

  // ---- the page: events, history after a reload, the shop's JavaScript API ---------------------------------------
  bubble.addEventListener('click', function () { setOpen(win.hidden); });
  $('.close').addEventListener('click', function () { setOpen(false); bubble.focus(); });
  $('.composer').addEventListener('submit', function (event) {
    event.preventDefault();
    send(input.value);
    sendTyping(false);
    input.value = '';
    input.style.height = '';
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('.composer').requestSubmit();
    }
  });
  input.addEventListener('input', function () {
    sendTyping(input.value.trim() !== '');
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  });
  win.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { setOpen(false); bubble.focus(); }
  });

  function api() {
    return {
      open: function () { setOpen(true); },
      close: function () { setOpen(false); },
      /** Tells agents who the visitor is: {name, email}. */
      setVisitor: function (details) {
        saved.profile = { name: details && details.name || null, email: details && details.email || null };
        save();
        visitor().then(function () { return request('PUT', '/visitors/me', saved.profile); }).catch(function () {});
      },
    };
  }

  function start() {
    document.body.appendChild(host);
    var queued = window.Parley && window.Parley.q || [];
    window.Parley = api();
    saved.outbox.forEach(pendingView);
    if (saved.token && saved.conversationId) follow(saved.conversationId, 0);
    if (saved.open) setOpen(true);
    queued.forEach(function (call) { if (window.Parley[call[0]]) window.Parley[call[0]].apply(null, call[1] || []); });
    flush();
    request('GET', '/widget/availability').then(function (answer) { available(answer.online); }, function () {});
    visitor().then(function () {
      return request('POST', '/visitors/me/pageviews', { url: location.href, title: document.title, referrer: document.referrer || null });
    }).then(function () { if (saved.token && following) connect(); }, function () {});
  }

  function CSS() {
    return ':host{all:initial;position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330}' +
      '*{box-sizing:border-box}[hidden]{display:none!important}' +
      '.bubble{width:56px;height:56px;border-radius:50%;border:0;background:#3454d1;color:#fff;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25);display:grid;place-items:center;position:relative;margin-left:auto}' +
      '.unread{position:absolute;top:-4px;right:-4px;background:#c62828;color:#fff;border-radius:999px;font-size:12px;min-width:20px;height:20px;display:grid;place-items:center;padding:0 5px}' +
      '.window{position:absolute;right:0;bottom:70px;width:360px;height:520px;max-height:calc(100vh - 100px);background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}' +
      'header{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:#3454d1;color:#fff}' +
      '.who{display:flex;align-items:center;gap:8px;font-weight:600}.avatar{display:none;width:28px;height:28px;border-radius:50%;background:#fff;color:#3454d1;place-items:center;font-weight:700}.avatar.shown{display:grid}.avatar{overflow:hidden}.avatar img{width:100%;height:100%;object-fit:cover}' +
      '.close{background:none;border:0;color:#fff;font-size:22px;cursor:pointer;line-height:1}' +
      '.notice{margin:0;padding:8px 14px;background:#fff4e5;color:#8a4b00;font-size:13px}' +
      '.messages{list-style:none;margin:0;padding:12px;flex:1;overflow-y:auto;display:flex;flex-direction:column;gap:6px;background:#f6f7f9}' +
      '.message{max-width:80%;padding:8px 10px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere;display:flex;flex-direction:column}' +
      '.visitor{align-self:flex-end;background:#3454d1;color:#fff;border-bottom-right-radius:4px}.agent{align-self:flex-start;background:#fff;border:1px solid #e4e7ec;border-bottom-left-radius:4px}' +
      '.system{align-self:center;background:none;color:#667085;font-size:12px;text-align:center}.name{font-size:12px;font-weight:600;color:#3454d1}' +
      '.meta{font-size:11px;opacity:.75;align-self:flex-end}.visitor.seen .meta::after{content:" \\00b7  Seen"}.pending{opacity:.7}.failed{background:#c62828;cursor:pointer}' +
      '.typing{margin:0;padding:4px 14px;color:#667085;font-size:12px;font-style:italic}' +
      '.composer{display:flex;gap:8px;padding:10px;border-top:1px solid #e4e7ec}' +
      'textarea{flex:1;resize:none;border:1px solid #cfd4dc;border-radius:8px;padding:8px;font:inherit;min-height:38px}' +
      '.composer button{border:0;border-radius:8px;background:#3454d1;color:#fff;padding:0 14px;font:inherit;cursor:pointer}' +
      ':focus-visible{outline:2px solid #3454d1;outline-offset:2px}' +
      '@media (max-width:480px){:host{right:12px;bottom:12px}.window{position:fixed;inset:0;width:auto;height:auto;max-height:none;border-radius:0}}';
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
})();
