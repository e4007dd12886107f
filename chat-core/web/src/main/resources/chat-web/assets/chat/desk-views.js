// Templates of the agent desk. lit-html escapes every value, so what visitors and agents wrote is shown as text.
// The plain helpers need nothing; the templates are made with the workspace's lit-html and avatar, from the page
// context (deskViews), since the workspace's own scripts are not part of its interface.

export const STATE_LABELS = {
  NEW_CHAT: 'New chat',
  NEW_MESSAGES: 'New messages',
  ACTIVE: 'Active',
  NOT_IN_CONVERSATION: 'Not in conversation',
  VISITOR_LEFT: 'Visitor left',
  TYPING: 'Typing…',
};

export function ago(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return 'now';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
  if (seconds < 86400) return Math.floor(seconds / 3600) + ' h';
  return Math.floor(seconds / 86400) + ' d';
}

export function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function visitorName(conversation, info) {
  if (info && info.name) return info.name;
  if (conversation && conversation.visitorName) return conversation.visitorName;
  const id = conversation ? conversation.visitorId : (info && info.visitorId) || '';
  return 'Visitor ' + id.slice(0, 4).toUpperCase();
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => [...part][0].toUpperCase()).join('');
}

/** The desk's templates, made with the page context's html, nothing and ui.avatar. */
export function deskViews({ html, nothing, ui: { avatar } }) {
  /** One entry of the conversation list: state, visitor, last message, time since, unread count. */
  function conversationItem(c, { selected, typing, info, onSelect }) {
    const state = typing ? 'TYPING' : (info && info.onWebsite === false && c.deskState !== 'NOT_IN_CONVERSATION' ? 'VISITOR_LEFT' : c.deskState);
    const name = visitorName(c, info);
    const last = c.lastMessage;
    return html`<li class="conversation state-${state.toLowerCase().replace(/_/g, '-')} ${selected ? 'selected' : ''}" data-conversation=${c.id}>
      <button @click=${() => onSelect(c.id)} aria-current=${selected ? 'true' : 'false'}>
        <span class="visitor-initials" aria-hidden="true">${initials(name)}</span>
        <span class="conversation-main">
          <span class="conversation-top"><strong class="visitor-name">${name}</strong>
            <span class="conversation-time">${last ? ago(last.createdAt) : ago(c.createdAt)}</span></span>
          <span class="conversation-bottom">
            <span class="last-message">${typing ? 'typing…' : last ? last.text : 'No messages yet'}</span>
            ${c.unread > 0 && (c.deskState === 'NEW_MESSAGES' || c.deskState === 'NEW_CHAT') ? html`<span class="unread-count" title="New messages">${c.unread}</span>` : nothing}
          </span>
          <span class="state-badge">${STATE_LABELS[state] || state}</span>
        </span>
      </button></li>`;
  }

  /** One message of the chat pane; an agent's message the visitor has read is marked seen. */
  function messageItem(m, visitorSeen = 0) {
    const type = (m.sender && m.sender.type || 'SYSTEM').toLowerCase();
    const seen = type === 'agent' && !m.pending && m.seq <= visitorSeen;
    return html`<li class="desk-message ${type} ${m.pending ? 'pending' : ''} ${seen ? 'seen' : ''}" data-seq=${m.seq || ''}>
      ${type === 'agent' && m.sender.name ? html`<span class="name">${m.sender.name}</span>` : nothing}
      <span class="text">${m.text}</span>
      <span class="meta">${m.pending ? 'Sending…' : clock(m.createdAt)}${seen ? ' · Seen' : ''}</span>
    </li>`;
  }

  function fieldRows(fields) {
    if (!fields) return nothing;
    const rows = Array.isArray(fields)
      ? fields.map((f) => [f.label || f.key || f.name, f.value])
      : Object.entries(fields);
    return rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value === null || value === undefined || value === '' ? '—'
      : typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>`);
  }

  /** The visitor info pane. */
  function visitorPane(info, { me, onAddNote, onEditNote }) {
    if (!info) return html`<p class="muted">Select a conversation to see who the visitor is.</p>`;
    if (info.unavailable) return html`<p class="muted">${info.unavailable}</p>`;
    const version = (x) => (x && x.name ? x.name + (x.version ? ' ' + x.version : '') : 'unknown');
    const location = info.location && (info.location.city || info.location.country)
      ? [info.location.city, info.location.country].filter(Boolean).join(', ') : 'unknown';
    return html`
      <div class="visitor-card">
        <h2>${visitorName(null, info)}</h2>
        <p class="visitor-presence ${info.onWebsite ? 'here' : 'gone'}">${info.onWebsite ? 'On the website now' : 'Left the website'}</p>
        ${info.blocked ? html`<p class="badge disabled-badge">Blocked</p>` : nothing}
        <dl class="visitor-facts">
          <dt>Email</dt><dd>${info.email || '—'}</dd>
          <dt>Location</dt><dd>${location}</dd>
          <dt>IP address</dt><dd>${info.ip || 'unknown'}</dd>
          <dt>System</dt><dd>${version(info.os)}</dd>
          <dt>Browser</dt><dd>${version(info.browser)}</dd>
          <dt>Visits</dt><dd>${info.visits ?? '—'}</dd>
          <dt>Referrer</dt><dd class="url">${info.referrer || '—'}</dd>
        </dl>
      </div>
      ${(info.sections || []).map((s) => html`<section class="visitor-section" data-section=${s.key || ''}>
        <h3>${s.title || s.key}</h3><dl class="visitor-facts">${fieldRows(s.fields || s.values || s.data)}</dl></section>`)}
      <section class="visitor-section notes"><h3>Notes</h3>
        <ul class="note-list">${(info.notes || []).map((n) => html`<li class="note">
          <p class="note-text">${n.text}</p>
          <p class="muted note-meta">${n.authorName || 'Agent'} · ${new Date(n.updatedAt || n.createdAt).toLocaleString()}
            ${n.authorId === me.id ? html`<button class="link" @click=${() => onEditNote(n)}>Edit</button>` : nothing}</p></li>`)}</ul>
        <form class="note-form" @submit=${(e) => { e.preventDefault(); const t = e.target.elements.note; if (t.value.trim()) { onAddNote(t.value.trim()); t.value = ''; } }}>
          <textarea name="note" rows="2" maxlength="2000" placeholder="Add a note for your team" aria-label="New note"></textarea>
          <button type="submit">Add note</button></form></section>
      <section class="visitor-section pages"><h3>Pages browsed</h3>
        <ol class="page-list">${(info.pages || []).map((p) => html`<li><span class="page-title">${p.title || p.url}</span>
          <span class="muted url">${p.url}</span><span class="muted">${clock(p.viewedAt)}</span></li>`)}</ol>
        ${(info.pages || []).length ? nothing : html`<p class="muted">No pages yet.</p>`}</section>`;
  }

  function selfCard(me, onToggle) {
    const online = me.status === 'ONLINE';
    return html`<div class="desk-me">${avatar(me)}<span class="desk-me-name">${me.displayName}</span>
      <button class="presence ${online ? 'on' : 'off'}" role="switch" aria-checked=${online ? 'true' : 'false'}
        ?disabled=${!me.active && !online} @click=${onToggle}><span class="dot"></span>${online ? 'Online' : 'Offline'}</button></div>
      <p class="desk-queues">${me.queues && me.queues.length ? me.queues.map((q) => html`<span class="badge queue">${q.name}</span>`) : html`<span class="muted">No queue</span>`}</p>`;
  }

  return { conversationItem, messageItem, visitorPane, selfCard };
}
