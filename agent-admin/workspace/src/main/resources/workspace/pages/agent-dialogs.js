// The dialogs of the Agents page. Each stays open with a red error, the wrong field marked, until the server accepts.
import { html, nothing } from '../vendor/lit-html/lit-html.js';
import { formDialog, field, text, ACCESS_LABELS } from '../ui.js';

function accessSelect(error, value, { disabled = false } = {}) {
  return html`<label class="field ${error && error.field === 'accessLevel' ? 'invalid' : ''}"><span>Access level</span>
    <select name="accessLevel" ?disabled=${disabled}>
      ${disabled ? html`<option value="OWNER" selected>Owner</option>` : nothing}
      <option value="LIMITED" ?selected=${value === 'LIMITED'}>Limited access: conversations, visitors, own profile</option>
      <option value="FULL" ?selected=${value === 'FULL'}>Full access: all settings, including seats</option>
    </select></label>`;
}

function queueChoices(queues, chosen) {
  if (!queues.length) return nothing;
  return html`<fieldset class="field"><legend>Queues</legend>
    ${queues.map((q) => html`<label class="check"><input type="checkbox" name="queueIds" value=${q.id}
      ?checked=${chosen.includes(q.id)}> ${q.name}</label>`)}</fieldset>`;
}

function sessions(form) {
  const raw = text(form, 'maxConcurrentSessions');
  return raw === '' ? null : Number(raw);
}

/** + Add New Agent: display name, username, initial password, email, access level, queues. */
export function addAgentDialog(ctx, queues) {
  return formDialog({
    title: 'Add New Agent',
    submitLabel: 'Create Agent',
    className: 'add-agent',
    fields: (error) => html`
      ${field({ label: 'Display Name', name: 'displayName', required: true, error, hint: 'The name shown across the workspace, e.g. Jane Doe.' })}
      ${field({ label: 'Username', name: 'username', required: true, error, hint: 'What the agent signs in with. Must be unique; cannot be changed later.' })}
      ${field({ label: 'Initial Password', name: 'password', type: 'password', required: true, error, autocomplete: 'new-password', hint: 'At least 6 characters.' })}
      ${field({ label: 'Email Address', name: 'email', type: 'email', error, hint: 'Optional.' })}
      ${accessSelect(error, 'LIMITED')}
      ${queueChoices(queues, [])}`,
    submit: (form) => ctx.api('POST', '/agents', {
      displayName: text(form, 'displayName'), username: text(form, 'username'),
      password: String(form.get('password') || ''), email: text(form, 'email') || null,
      accessLevel: form.get('accessLevel'), queueIds: form.getAll('queueIds'),
    }),
  });
}

/** Edit Agent: the current values filled in; a blank password keeps the current one. */
export function editAgentDialog(ctx, agent, queues) {
  const me = ctx.session.agent;
  const self = me.id === agent.id;
  const ownerEditing = me.accessLevel === 'OWNER';
  return formDialog({
    title: 'Edit Agent',
    submitLabel: 'Save changes',
    className: 'edit-agent',
    fields: (error) => html`
      <p class="muted">User name: <strong>${agent.username}</strong> (cannot be changed)</p>
      ${field({ label: 'Display Name', name: 'displayName', required: true, value: agent.displayName, error })}
      ${field({ label: 'New Password', name: 'password', type: 'password', error, autocomplete: 'new-password', hint: 'At least 6 characters. Leave blank to keep the current password.' })}
      ${self ? field({ label: 'Current Password', name: 'currentPassword', type: 'password', error, autocomplete: 'current-password', hint: 'Needed only to change your own password.' }) : nothing}
      ${field({ label: 'Email Address', name: 'email', type: 'email', value: agent.email || '', error, disabled: !ownerEditing, hint: ownerEditing ? 'Optional: add, change or clear it.' : 'Only the owner changes email addresses.' })}
      <label class="field"><span>Description</span><textarea name="description" maxlength="500" .value=${agent.description || ''}></textarea></label>
      ${accessSelect(error, agent.accessLevel, { disabled: agent.accessLevel === 'OWNER' })}
      <label class="check switch ${error && error.field === 'showRealPhoneNumbers' ? 'invalid' : ''}"><input type="checkbox" name="showRealPhoneNumbers" ?checked=${agent.showRealPhoneNumbers}>
        Show real customer phone numbers <small>When off, this agent sees numbers masked, e.g. +123****5678.</small></label>
      ${field({ label: 'Max Concurrent Sessions', name: 'maxConcurrentSessions', type: 'number', value: agent.maxConcurrentSessions ?? '', error, attrs: { min: 1, max: 1000 }, hint: 'Leave blank for unlimited.' })}
      ${queueChoices(queues, agent.queues.map((q) => q.id))}`,
    submit: async (form) => {
      const patch = {
        displayName: text(form, 'displayName'),
        description: text(form, 'description'),
        showRealPhoneNumbers: form.get('showRealPhoneNumbers') === 'on',
        maxConcurrentSessions: sessions(form),
        queueIds: form.getAll('queueIds'),
      };
      if (ownerEditing) patch.email = text(form, 'email');
      if (agent.accessLevel !== 'OWNER') patch.accessLevel = form.get('accessLevel');
      const password = String(form.get('password') || '');
      if (password) {
        patch.password = password;
        if (self) patch.currentPassword = String(form.get('currentPassword') || '');
      }
      const saved = await ctx.api('PATCH', `/agents/${encodeURIComponent(agent.id)}`, patch);
      if (self) ctx.setSelf(saved);
      return saved;
    },
  });
}

/** Invite: an email with a link valid for 7 days. */
export function inviteDialog(ctx) {
  return formDialog({
    title: 'Invite an agent',
    submitLabel: 'Send invitation',
    className: 'invite',
    fields: (error) => html`
      <p class="muted">The invitation email holds a link that works for 7 days. The invitee chooses a display name and password.</p>
      ${field({ label: 'Email Address', name: 'email', type: 'email', required: true, error })}
      ${field({ label: 'Display Name', name: 'displayName', error, hint: 'Optional: a suggestion the invitee can change.' })}
      ${accessSelect(error, 'LIMITED')}`,
    submit: (form) => ctx.api('POST', '/invitations', {
      email: text(form, 'email'), displayName: text(form, 'displayName') || null, accessLevel: form.get('accessLevel'),
    }),
  });
}

/** Change seats: Free (3 seats) or a paid plan with the number of seats bought. */
export function planDialog(ctx, usage) {
  return formDialog({
    title: 'Plan and seats',
    submitLabel: 'Save plan',
    className: 'plan',
    fields: (error) => html`
      <label class="check"><input type="radio" name="plan" value="FREE" ?checked=${usage.plan === 'FREE'}> Free: 3 seats</label>
      <label class="check"><input type="radio" name="plan" value="PAID" ?checked=${usage.plan === 'PAID'}> Paid: the seats you bought</label>
      ${field({ label: 'Seats (paid plan)', name: 'seats', type: 'number', value: usage.plan === 'PAID' ? usage.seats : '', error, attrs: { min: 1, max: 10000 } })}
      <p class="muted">${usage.used} ${usage.used === 1 ? 'seat is' : 'seats are'} taken now (${ACCESS_LABELS.FULL} agents can change this).</p>`,
    submit: (form) => {
      const plan = form.get('plan');
      const seats = text(form, 'seats');
      return ctx.api('PUT', '/plan', plan === 'PAID' ? { plan, seats: seats === '' ? null : Number(seats) } : { plan });
    },
  });
}

/** Create a queue, or rename one. */
export function queueDialog(ctx, queue) {
  return formDialog({
    title: queue ? 'Rename queue' : 'New queue',
    submitLabel: queue ? 'Rename' : 'Create queue',
    fields: (error) => field({ label: 'Name', name: 'name', required: true, value: queue ? queue.name : '', error }),
    submit: (form) => queue
      ? ctx.api('PATCH', `/queues/${encodeURIComponent(queue.id)}`, { name: text(form, 'name') })
      : ctx.api('POST', '/queues', { name: text(form, 'name') }),
  });
}
