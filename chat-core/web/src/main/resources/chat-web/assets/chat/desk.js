// The agent desk: conversations on the left, the chat in the middle, who the visitor is on the right. Live over one
// WebSocket (desk and message frames); every action goes through the desk API, which decides what an agent may do.
import { deskSocket } from './desk-socket.js';
import { deskViews, visitorName, STATE_LABELS } from './desk-views.js';

const RANK = { NEW_CHAT: 0, NEW_MESSAGES: 1, ACTIVE: 2, NOT_IN_CONVERSATION: 3 };

function stylesheet() {
  if (!document.querySelector('link[data-desk]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/assets/chat/desk.css';
    link.dataset.desk = '';
    document.head.append(link);
  }
}

export async function render(ctx) {
  const { html, main, api, nothing, problemText } = ctx;
  const { confirmDialog, formDialog, notify, text: formText } = ctx.ui;
  const { conversationItem, messageItem, visitorPane, selfCard } = deskViews(ctx);
  stylesheet();
  const me = () => ctx.session.agent;
  const state = {
    conversations: new Map(), selected: null, messages: new Map(), tab: 'chat', history: null,
    info: new Map(), typing: new Map(), visitorSeen: new Map(), agents: [], connection: 'connecting', settings: null, draft: '',
  };

  const sorted = () => [...state.conversations.values()].sort((a, b) =>
    (RANK[a.deskState] ?? 9) - (RANK[b.deskState] ?? 9)
    || new Date((b.lastMessage || b).createdAt) - new Date((a.lastMessage || a).createdAt));
  const current = () => state.conversations.get(state.selected);
  const mine = (c) => c && c.state === 'ACTIVE' && c.assignedAgentId === me().id;

  async function loadList() {
    try {
      const { conversations } = await api('GET', '/desk/conversations?limit=200');
      state.conversations = new Map(conversations.map((c) => [c.id, c]));
      conversations.forEach((c) => loadInfo(c.visitorId, false));
    } catch (e) {
      notify(problemText(e), 'error');
    }
    draw();
  }

  async function loadInfo(visitorId, force) {
    if (!force && state.info.has(visitorId)) return;
    state.info.set(visitorId, state.info.get(visitorId) || null);
    try {
      state.info.set(visitorId, await api('GET', '/desk/visitors/' + encodeURIComponent(visitorId)));
    } catch (e) {
      state.info.set(visitorId, { unavailable: e.status === 404 ? 'No details about this visitor yet.' : problemText(e) });
    }
    draw();
  }

  async function loadTeam() {
    try {
      state.agents = await api('GET', '/agents');
      state.settings = await api('GET', `/agents/${encodeURIComponent(me().id)}/notifications`);
    } catch (e) { /* the counts stay empty */ }
    draw();
  }

  const socket = deskSocket({
    onReady: () => { loadList(); if (state.selected) socket.follow(state.selected, lastSeq(state.selected)); },
    onState: (s) => { state.connection = s; draw(); },
    onFrame: (frame) => {
      if (!main.isConnected) { socket.close(); return; }
      if (frame.type === 'desk') deskFrame(frame);
      else if (frame.type === 'message') addMessage(frame.message);
      else if (frame.type === 'typing') typingFrame(frame);
      else if (frame.type === 'seen' && frame.by && frame.by.type === 'VISITOR') {
        state.visitorSeen.set(frame.conversationId, Math.max(state.visitorSeen.get(frame.conversationId) || 0, frame.seq));
      }
      draw();
    },
  });

  function deskFrame(frame) {
    const c = frame.conversation;
    const known = state.conversations.has(c.id);
    state.conversations.set(c.id, c);
    if (!known) loadInfo(c.visitorId, false);
    if (frame.reason === 'OPENED') alertAgent('New chat from ' + visitorName(c, state.info.get(c.visitorId)), state.settings?.soundOnNewChat);
    else if (frame.reason === 'MESSAGE' && c.lastMessage && c.lastMessage.sender.type === 'VISITOR' && (c.id !== state.selected || document.hidden)) {
      if (c.deskState === 'NEW_MESSAGES' || c.deskState === 'NEW_CHAT') alertAgent(visitorName(c, state.info.get(c.visitorId)) + ': ' + c.lastMessage.text, state.settings?.soundOnNewMessage);
    }
    if (c.lastMessage && c.lastMessage.sender.type === 'VISITOR') state.typing.delete(c.id);
  }

  function typingFrame(frame) {
    if (frame.sender && frame.sender.type === 'VISITOR') {
      if (frame.typing === false) state.typing.delete(frame.conversationId);
      else state.typing.set(frame.conversationId, Date.now() + 6000);
    }
  }

  function alertAgent(text, sound) {
    if (sound) beep();
    if (state.settings?.desktopNotifications && document.hidden && 'Notification' in window && Notification.permission === 'granted') {
      new Notification('Parley', { body: text });
    }
  }

  function beep() {
    try {
      const audio = new (window.AudioContext || window.webkitAudioContext)();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch (e) { /* no sound here */ }
  }

  function lastSeq(id) {
    const list = state.messages.get(id);
    return list && list.length ? list.filter((m) => !m.pending).reduce((max, m) => Math.max(max, m.seq), 0) : 0;
  }

  function addMessage(m) {
    const list = state.messages.get(m.conversationId);
    if (!list) return;
    if (list.some((x) => !x.pending && x.seq === m.seq)) return;
    const pending = list.findIndex((x) => x.pending && x.clientMessageId === m.clientMessageId);
    if (pending >= 0) list.splice(pending, 1);
    list.push(m);
    list.sort((a, b) => (a.pending ? 1 : 0) - (b.pending ? 1 : 0) || a.seq - b.seq);
    if (m.sender.type === 'VISITOR') state.typing.delete(m.conversationId);
    if (m.conversationId === state.selected) markSeen();
  }

  let seenTimer = null;
  function markSeen() {
    clearTimeout(seenTimer);
    seenTimer = setTimeout(async () => {
      const c = current();
      const seq = lastSeq(state.selected);
      if (!c || !seq || document.hidden) return;
      try {
        await api('PUT', `/desk/conversations/${encodeURIComponent(c.id)}/seen`, { seq });
        const seen = state.conversations.get(c.id);
        if (seen && seen.deskState === 'NEW_MESSAGES' && (!seen.lastMessage || seen.lastMessage.seq <= seq)) {
          state.conversations.set(c.id, { ...seen, unread: 0, deskState: 'ACTIVE' });
          draw();
        }
      } catch (e) { /* the unread count stays until the next look */ }
    }, 300);
  }

  async function select(id) {
    if (state.selected && state.selected !== id) socket.unfollow(state.selected);
    state.selected = id;
    state.tab = 'chat';
    state.history = null;
    const c = current();
    if (!state.messages.has(id)) state.messages.set(id, []);
    loadInfo(c.visitorId, true);
    try {
      const page = await api('GET', `/desk/conversations/${encodeURIComponent(id)}/messages?after=0&limit=500`);
      page.messages.forEach(addMessage);
    } catch (e) {
      notify(problemText(e), 'error');
    }
    socket.follow(id, lastSeq(id));
    api('GET', `/desk/conversations/${encodeURIComponent(id)}/seen`).then((marks) => {
      state.visitorSeen.set(id, Math.max(state.visitorSeen.get(id) || 0, marks.visitor || 0));
      draw();
    }, () => {});
    markSeen();
    draw();
    scrollDown();
    main.querySelector('.composer textarea')?.focus();
  }

  async function act(action, success) {
    try {
      const result = await action();
      if (result && result.id && result.deskState) state.conversations.set(result.id, result);
      if (success) notify(success);
    } catch (e) {
      notify(problemText(e), 'error');
    }
    draw();
  }

  const take = () => act(() => api('POST', `/desk/conversations/${encodeURIComponent(state.selected)}/take`));

  async function closeChat() {
    if (await confirmDialog({ title: 'Close this chat?', message: 'The visitor sees that the chat was closed. If they write again, a new chat starts.', confirmLabel: 'Close chat' })) {
      await act(() => api('POST', `/desk/conversations/${encodeURIComponent(state.selected)}/close`), 'The chat is closed.');
    }
  }

  async function block() {
    const c = current();
    const info = state.info.get(c.visitorId);
    const blocked = info && info.blocked;
    if (!blocked && !(await confirmDialog({ title: 'Block this visitor?', message: 'They cannot start new chats; their chat window tells them so politely. You can unblock them later.', confirmLabel: 'Block visitor', danger: true }))) return;
    await act(() => api(blocked ? 'DELETE' : 'POST', `/desk/visitors/${encodeURIComponent(c.visitorId)}/block`), blocked ? 'The visitor is unblocked.' : 'The visitor is blocked.');
    loadInfo(c.visitorId, true);
  }

  async function send(text) {
    const c = current();
    text = text.trim();
    if (!text || !mine(c)) return;
    const clientMessageId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    const list = state.messages.get(c.id);
    list.push({ conversationId: c.id, clientMessageId, text, pending: true, sender: { type: 'AGENT', name: me().displayName } });
    draw();
    scrollDown();
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        addMessage(await api('POST', `/desk/conversations/${encodeURIComponent(c.id)}/messages`, { text, clientMessageId }));
        draw();
        scrollDown();
        return;
      } catch (e) {
        if (e.status && e.status < 500 && e.status !== 429) {
          list.splice(list.findIndex((x) => x.clientMessageId === clientMessageId), 1);
          notify(problemText(e), 'error');
          draw();
          return;
        }
        await new Promise((r) => setTimeout(r, 1000 * (attempt + 1))); // same id: stored once however often sent
      }
    }
    notify('The message could not be sent. Check the connection and send it again.', 'error');
  }

  async function showHistory() {
    state.tab = 'history';
    draw();
    try {
      const c = current();
      const { conversations } = await api('GET', `/desk/visitors/${encodeURIComponent(c.visitorId)}/conversations`);
      state.history = await Promise.all(conversations.filter((x) => x.id !== c.id).map(async (x) => ({
        ...x, messages: (await api('GET', `/desk/conversations/${encodeURIComponent(x.id)}/messages?after=0&limit=500`)).messages,
      })));
    } catch (e) {
      state.history = [];
      notify(problemText(e), 'error');
    }
    draw();
  }

  async function addNote(text) {
    const c = current();
    await act(() => api('POST', `/desk/visitors/${encodeURIComponent(c.visitorId)}/notes`, { text }));
    loadInfo(c.visitorId, true);
  }

  async function editNote(note) {
    const c = current();
    const saved = await formDialog({
      title: 'Edit note',
      submitLabel: 'Save note',
      fields: (error) => html`<label class="field ${error && error.field === 'text' ? 'invalid' : ''}"><span>Note</span>
        <textarea name="text" maxlength="2000" rows="4" .value=${note.text}></textarea></label>`,
      submit: (form) => api('PATCH', `/desk/visitors/${encodeURIComponent(c.visitorId)}/notes/${encodeURIComponent(note.id)}`, { text: formText(form, 'text') }),
    });
    if (saved) loadInfo(c.visitorId, true);
  }

  async function togglePresence() {
    const status = me().status === 'ONLINE' ? 'OFFLINE' : 'ONLINE';
    try {
      ctx.setSelf(await api('PUT', `/agents/${encodeURIComponent(me().id)}/presence`, { status }));
    } catch (e) {
      notify(problemText(e), 'error');
    }
    draw();
  }

  function scrollDown() {
    const list = main.querySelector('.desk-messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  let typingSent = 0;
  function onKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      const text = event.target.value;
      event.target.value = '';
      send(text);
      return;
    }
    if (Date.now() - typingSent > 2000 && state.selected) {
      typingSent = Date.now();
      socket.send({ type: 'typing', conversationId: state.selected, typing: true });
    }
  }

  function composer(c) {
    if (mine(c)) {
      return html`<form class="composer" @submit=${(e) => { e.preventDefault(); const t = e.target.elements.text; send(t.value); t.value = ''; t.focus(); }}>
        <textarea name="text" rows="2" maxlength="4000" placeholder="Write a reply. Enter sends, Shift+Enter adds a line." aria-label="Reply" @keydown=${onKey}></textarea>
        <button class="primary" type="submit">Send</button></form>`;
    }
    if (c.deskState === 'NEW_CHAT') {
      return html`<div class="composer-note">This visitor is waiting. <button class="primary" ?disabled=${!me().active} @click=${take}>Take chat</button>
        ${me().active ? nothing : html`<span class="muted">Inactive agents do not chat.</span>`}</div>`;
    }
    return html`<p class="composer-note muted">${c.state === 'CLOSED' ? 'This chat is closed.' : 'Another agent is handling this chat.'}</p>`;
  }

  function chatPane() {
    const c = current();
    if (!c) return html`<div class="desk-empty"><h2>No chat selected</h2><p class="muted">Choose a conversation on the left.</p></div>`;
    const info = state.info.get(c.visitorId);
    const typing = (state.typing.get(c.id) || 0) > Date.now();
    const closable = mine(c) || c.deskState === 'NEW_CHAT';
    return html`
      <header class="chat-head"><h2>${visitorName(c, info)}</h2><span class="state-badge">${STATE_LABELS[c.deskState]}</span>
        <div class="chat-actions">
          ${closable ? html`<button @click=${closeChat}>Close chat</button>` : nothing}
          <details class="menu"><summary aria-label="Other options">⋯</summary><div class="menu-items" role="menu">
            <button role="menuitem" @click=${(e) => { e.target.closest('details').removeAttribute('open'); block(); }}>${info && info.blocked ? 'Unblock visitor' : 'Block visitor'}</button>
          </div></details></div></header>
      <nav class="chat-tabs" role="tablist">
        <button role="tab" aria-selected=${state.tab === 'chat' ? 'true' : 'false'} @click=${() => { state.tab = 'chat'; draw(); }}>Chat</button>
        <button role="tab" aria-selected=${state.tab === 'history' ? 'true' : 'false'} @click=${showHistory}>History</button></nav>
      ${state.tab === 'chat' ? html`
        <ol class="desk-messages" aria-live="polite">${(state.messages.get(c.id) || []).map((m) => messageItem(m, state.visitorSeen.get(c.id) || 0))}</ol>
        ${typing ? html`<p class="typing-line">${visitorName(c, info)} is typing…</p>` : nothing}
        ${composer(c)}` : html`
        <div class="history">${state.history === null ? html`<p class="muted">Loading…</p>` : state.history.length === 0
          ? html`<p class="muted">No earlier conversations with this visitor.</p>`
          : state.history.map((h) => html`<section class="history-item"><h3>${new Date(h.createdAt).toLocaleString()}</h3>
              <ol class="desk-messages">${h.messages.map((m) => messageItem(m))}</ol></section>`)}</div>`}`;
  }

  function draw() {
    if (!main.isConnected) return;
    const others = state.agents.filter((a) => a.id !== me().id && a.enabled);
    const online = others.filter((a) => a.status === 'ONLINE').length;
    const c = current();
    ctx.render(html`<div class="desk">
      <aside class="desk-list" aria-label="Conversations">
        ${selfCard(me(), togglePresence)}
        <p class="desk-team">${online} online · ${others.length - online} offline</p>
        ${state.connection === 'offline' ? html`<p class="desk-connection" role="status">Connection lost, reconnecting…</p>` : nothing}
        <ul class="conversation-list">${sorted().map((x) => conversationItem(x, {
          selected: x.id === state.selected, typing: (state.typing.get(x.id) || 0) > Date.now(),
          info: state.info.get(x.visitorId), onSelect: select }))}</ul>
        ${state.conversations.size ? nothing : html`<p class="muted desk-none">No conversations yet. New chats appear here as visitors write.</p>`}
      </aside>
      <section class="desk-chat">${chatPane()}</section>
      <aside class="desk-visitor" aria-label="Visitor">${visitorPane(c ? state.info.get(c.visitorId) : null, { me: me(), onAddNote: addNote, onEditNote: editNote })}</aside>
    </div>`, main);
  }

  const onAgent = (event) => {
    if (!main.isConnected) { window.removeEventListener('parley:agent', onAgent); return; }
    const i = state.agents.findIndex((a) => a.id === event.detail.id);
    if (i >= 0) state.agents[i] = { ...state.agents[i], ...event.detail }; else state.agents.push(event.detail);
    draw();
  };
  window.addEventListener('parley:agent', onAgent);
  const ticker = setInterval(() => { if (!main.isConnected) { clearInterval(ticker); socket.close(); } else draw(); }, 15000);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) markSeen(); });

  draw();
  loadTeam();
  await loadList();
}
