// The Agents page: the directory table with row and bulk actions, the Add, Edit and Invite dialogs, pending
// invitations, queues, and the Usage Overview panel. Every change goes through the REST API, which checks the rights.
import { nothing } from '../vendor/lit-html/lit-html.js';
import { problemText } from '../api.js';
import { avatar, statusBadge, confirmDialog, notify, ACCESS_LABELS } from '../ui.js';
import { addAgentDialog, editAgentDialog, inviteDialog, planDialog, queueDialog } from './agent-dialogs.js';

export async function render(ctx) {
  const { html, main, api } = ctx;
  const me = () => ctx.session.agent;
  const state = { agents: [], queues: [], invitations: [], usage: null, selected: new Set(), error: null };

  async function load() {
    try {
      const [agents, queues, invitations, usage] = await Promise.all([
        api('GET', '/agents'), api('GET', '/queues'), api('GET', '/invitations'), api('GET', '/usage')]);
      Object.assign(state, { agents, queues, invitations, usage, error: null });
      state.selected = new Set([...state.selected].filter((id) => agents.some((a) => a.id === id)));
    } catch (e) {
      state.error = problemText(e);
    }
    draw();
  }

  let usageTimer = null;
  function refreshUsageSoon() {
    clearTimeout(usageTimer);
    usageTimer = setTimeout(async () => {
      try {
        // A new agent may have accepted an invitation: both the seats and the pending list change.
        [state.usage, state.invitations] = await Promise.all([api('GET', '/usage'), api('GET', '/invitations')]);
        draw();
      } catch (e) { /* the next load shows it */ }
    }, 300);
  }

  const onAgent = (event) => {
    if (!main.isConnected) return detach();
    const agent = event.detail;
    const index = state.agents.findIndex((a) => a.id === agent.id);
    if (index >= 0) state.agents[index] = { ...state.agents[index], ...agent };
    else {
      state.agents.push(agent);
      state.agents.sort((a, b) => a.displayName.localeCompare(b.displayName));
      refreshUsageSoon();
    }
    draw();
  };
  const onDeleted = (event) => {
    if (!main.isConnected) return detach();
    state.agents = state.agents.filter((a) => a.id !== event.detail.id);
    state.selected.delete(event.detail.id);
    refreshUsageSoon();
    draw();
  };
  function detach() {
    window.removeEventListener('parley:agent', onAgent);
    window.removeEventListener('parley:agent-deleted', onDeleted);
  }
  window.addEventListener('parley:agent', onAgent);
  window.addEventListener('parley:agent-deleted', onDeleted);

  async function run(action, success) {
    try {
      await action();
      if (success) notify(success);
    } catch (e) {
      notify(problemText(e), 'error');
    }
    await load();
  }

  function bulk(action, ids, success) {
    return run(async () => {
      await api('POST', '/agents/bulk', { action, ids });
      ids.forEach((id) => state.selected.delete(id));
    }, success);
  }

  async function confirmDelete(ids) {
    let impact = null;
    try {
      const query = ids.map((id) => 'ids=' + encodeURIComponent(id)).join('&');
      impact = await api('GET', '/agents/deletion-impact?' + query);
    } catch (e) {
      notify(problemText(e), 'error');
      return;
    }
    const names = state.agents.filter((a) => ids.includes(a.id)).map((a) => a.displayName);
    const count = ids.length;
    const open = impact.openConversations;
    const ok = await confirmDialog({
      title: count === 1 ? 'Delete agent?' : `Delete ${count} agents?`,
      message: count === 1
        ? `This permanently deletes ${names[0]}. It cannot be undone.`
        : `This permanently deletes ${count} agents: ${names.join(', ')}. It cannot be undone.`,
      details: [
        open === 0 ? 'They have no open conversations.'
          : `${open} open ${open === 1 ? 'conversation goes' : 'conversations go'} back to the queue.`,
        'Their past messages stay in the history under their name, and their seats become free.'],
      confirmLabel: count === 1 ? 'Delete agent' : `Delete ${count} agents`,
      danger: true,
    });
    if (ok) {
      await run(async () => {
        await api('POST', '/agents/bulk', { action: 'delete', ids });
        ids.forEach((id) => state.selected.delete(id));
      },
        count === 1 ? `${names[0]} was deleted.` : `${count} agents were deleted.`);
    }
  }

  async function transferOwnership(agent) {
    const ok = await confirmDialog({
      title: 'Transfer ownership?',
      message: `${agent.displayName} becomes the owner. You keep full access but can no longer transfer ownership yourself.`,
      confirmLabel: 'Transfer ownership',
      danger: true,
    });
    if (ok) {
      await run(async () => {
        await api('POST', `/agents/${encodeURIComponent(agent.id)}/ownership`);
        ctx.setSelf(await api('GET', `/agents/${encodeURIComponent(me().id)}`));
      }, `${agent.displayName} is now the owner.`);
    }
  }

  function rowMenu(agent) {
    const self = agent.id === me().id;
    const item = (label, action) => html`<button role="menuitem" @click=${(e) => { e.target.closest('details').removeAttribute('open'); action(); }}>${label}</button>`;
    return html`<details class="menu row-menu">
      <summary aria-label=${'Actions for ' + agent.displayName}>⋯</summary>
      <div class="menu-items" role="menu">
        ${item('Edit Agent', async () => { if (await editAgentDialog(ctx, agent, state.queues)) { notify('Changes saved.'); await load(); } })}
        ${agent.isOwner || agent.accessLevel === 'OWNER' ? nothing : agent.enabled
          ? item('Disable', () => bulk('disable', [agent.id], `${agent.displayName} is disabled and signed out.`))
          : item('Enable', () => bulk('enable', [agent.id], `${agent.displayName} is enabled.`))}
        ${agent.active
          ? item('Deactivate', () => bulk('deactivate', [agent.id], `${agent.displayName} no longer chats with visitors.`))
          : item('Activate', () => bulk('activate', [agent.id], `${agent.displayName} chats with visitors again.`))}
        ${agent.status === 'ONLINE' && !self
          ? item('Set offline', () => run(() => api('PUT', `/agents/${encodeURIComponent(agent.id)}/presence`, { status: 'OFFLINE' }), `${agent.displayName} is offline.`))
          : nothing}
        ${me().accessLevel === 'OWNER' && !self && agent.enabled
          ? item('Transfer ownership', () => transferOwnership(agent)) : nothing}
        ${agent.accessLevel === 'OWNER' ? nothing : item('Delete Agent', () => confirmDelete([agent.id]))}
      </div></details>`;
  }

  function toggle(id, checked) {
    if (checked) state.selected.add(id);
    else state.selected.delete(id);
    draw();
  }

  function bulkBar() {
    const ids = [...state.selected];
    if (!ids.length) return nothing;
    const item = (label, action) => html`<button role="menuitem" @click=${(e) => { e.target.closest('details').removeAttribute('open'); action(); }}>${label}</button>`;
    return html`<div class="bulk-bar">
      <span class="selected-count">${ids.length} selected</span>
      <details class="menu bulk-menu"><summary>Action</summary>
        <div class="menu-items" role="menu">
          ${item('Enable', () => bulk('enable', ids, `${ids.length} ${ids.length === 1 ? 'agent' : 'agents'} enabled.`))}
          ${item('Disable', () => bulk('disable', ids, `${ids.length} ${ids.length === 1 ? 'agent' : 'agents'} disabled.`))}
          ${item('Delete', () => confirmDelete(ids))}
        </div></details>
      <button class="link" @click=${() => { state.selected.clear(); draw(); }}>Clear selection</button>
    </div>`;
  }

  function agentRow(agent) {
    const selected = state.selected.has(agent.id);
    return html`<tr class=${agent.enabled ? '' : 'disabled'} data-agent=${agent.username}>
      <td><input type="checkbox" aria-label=${'Select ' + agent.displayName} .checked=${selected}
        @change=${(e) => toggle(agent.id, e.target.checked)}></td>
      <td><div class="agent-cell">${avatar(agent)}
        <span class="agent-name">${agent.displayName}</span>
        ${agent.enabled ? nothing : html`<span class="badge disabled-badge">Disabled</span>`}
        ${agent.accessLevel === 'OWNER' ? html`<span class="badge owner">Owner</span>` : nothing}
        ${agent.accessLevel === 'LIMITED' ? html`<span class="badge limited">Limited</span>` : nothing}
        ${agent.active ? nothing : html`<span class="badge inactive" title="Does not chat with visitors">Inactive</span>`}
        ${agent.id === me().id ? html`<span class="you">(you)</span>` : nothing}</div></td>
      <td class="username">${agent.username}</td>
      <td>${agent.queues.length ? agent.queues.map((q) => html`<span class="badge queue">${q.name}</span>`) : html`<span class="muted">No queue</span>`}</td>
      <td>${statusBadge(agent)}</td>
      <td class="actions">${rowMenu(agent)}</td>
    </tr>`;
  }

  function invitationsSection() {
    if (!state.invitations.length) return nothing;
    return html`<section class="invitations"><h2>Pending invitations</h2>
      <table class="data-table"><thead><tr><th>Email</th><th>Access</th><th>Status</th><th>Valid until</th><th><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${state.invitations.map((i) => html`<tr data-invitation=${i.email}>
        <td>${i.email}</td><td>${ACCESS_LABELS[i.accessLevel]}</td>
        <td>${i.status === 'EXPIRED' ? html`<span class="badge offline">Expired</span>` : html`<span class="badge pending">Pending</span>`}</td>
        <td>${new Date(i.expiresAt).toLocaleDateString()}</td>
        <td class="actions">
          <button @click=${() => run(() => api('POST', `/invitations/${encodeURIComponent(i.id)}/resend`), `The invitation was sent to ${i.email} again.`)}>Resend</button>
          <button @click=${async () => { if (await confirmDialog({ title: 'Revoke invitation?', message: `The link sent to ${i.email} stops working and its seat becomes free.`, confirmLabel: 'Revoke', danger: true })) await run(() => api('DELETE', `/invitations/${encodeURIComponent(i.id)}`), 'Invitation revoked.'); }}>Revoke</button>
        </td></tr>`)}</tbody></table></section>`;
  }

  function queuesSection() {
    return html`<section class="queues"><h2>Queues</h2>
      <ul class="queue-list">${state.queues.map((q) => html`<li><span class="badge queue">${q.name}</span>
        <button class="link" @click=${async () => { if (await queueDialog(ctx, q)) await load(); }}>Rename</button>
        <button class="link danger" @click=${async () => { if (await confirmDialog({ title: 'Delete queue?', message: `The queue ${q.name} is removed from every agent.`, confirmLabel: 'Delete queue', danger: true })) await run(() => api('DELETE', `/queues/${encodeURIComponent(q.id)}`), 'Queue deleted.'); }}>Delete</button></li>`)}
        ${state.queues.length ? nothing : html`<li class="muted">No queues yet.</li>`}</ul>
      <button @click=${async () => { if (await queueDialog(ctx, null)) await load(); }}>+ New queue</button></section>`;
  }

  function usagePanel() {
    const u = state.usage;
    if (!u) return nothing;
    const percent = u.seats ? Math.min(100, Math.round((u.used / u.seats) * 100)) : 100;
    return html`<aside class="usage-panel" aria-label="Usage Overview"><h2>Usage Overview</h2>
      <div class="usage-item ${u.warning ? 'warning' : ''}">
        <h3>Agent Quota</h3>
        <p class="usage-figure"><strong>${u.used}</strong> of ${u.seats} seats</p>
        <meter min="0" max=${u.seats} .value=${u.used} low=${Math.floor(u.seats * 0.8)} high=${Math.ceil(u.seats * 0.8) - 0.5}
          optimum="0" aria-label="Seats used">${percent}%</meter>
        <p class="muted">${u.agents} ${u.agents === 1 ? 'agent' : 'agents'}, ${u.pendingInvitations} pending ${u.pendingInvitations === 1 ? 'invitation' : 'invitations'}</p>
        ${u.warning ? html`<p class="usage-warning">${u.used >= u.seats ? 'All seats are taken.' : 'Almost all seats are taken.'}</p>` : nothing}
      </div>
      <div class="usage-item"><h3>Monthly Sessions</h3>
        <p class="usage-figure"><strong>${u.monthlySessions ?? 0}</strong></p>
        <p class="muted">Conversations in the last 30 days</p></div>
      <div class="usage-item"><h3>Plan</h3><p>${u.plan === 'FREE' ? 'Free (3 seats)' : `Paid, ${u.seats} seats`}</p>
        <button @click=${async () => { if (await planDialog(ctx, u)) { notify('The plan was changed.'); await load(); } }}>Change seats</button></div>
    </aside>`;
  }

  function draw() {
    const all = state.agents.length > 0 && state.agents.every((a) => state.selected.has(a.id));
    const signInLink = location.origin + '/signin';
    ctx.render(html`<div class="agents-page">
      <section class="directory">
        <div class="page-head"><h1>Agents</h1>
          <div class="page-actions">
            <button @click=${async () => { if (await inviteDialog(ctx)) { notify('Invitation sent.'); await load(); } }}>Invite</button>
            <button class="primary" @click=${async () => { const created = await addAgentDialog(ctx, state.queues); if (created) { notify(`${created.displayName} was created.`); await load(); } }}>+ Add New Agent</button>
          </div></div>
        ${state.error ? html`<p class="form-error" role="alert">${state.error}</p>` : nothing}
        <p class="login-link">Sign-in link for your agents: <code>${signInLink}</code>
          <button class="link" @click=${() => navigator.clipboard?.writeText(signInLink).then(() => notify('Link copied.'), () => notify('Copy the link by hand.', 'error'))}>Copy</button></p>
        ${bulkBar()}
        <table class="data-table agent-table">
          <thead><tr>
            <th><input type="checkbox" aria-label="Select all agents" .checked=${all}
              @change=${(e) => { state.selected = new Set(e.target.checked ? state.agents.map((a) => a.id) : []); draw(); }}></th>
            <th>Agent</th><th>User Name</th><th>Queues</th><th>Status</th><th><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>${state.agents.map(agentRow)}</tbody>
        </table>
        ${invitationsSection()}
        ${queuesSection()}
      </section>
      ${usagePanel()}
    </div>`, main);
  }

  draw();
  await load();
}
