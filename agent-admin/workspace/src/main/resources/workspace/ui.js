// Small pieces the workspace pages share: dialogs, confirmations, notices, avatars, form helpers.
import { html, render, nothing } from './vendor/lit-html/lit-html.js';
import { problemText } from './api.js';

function dialogElement() {
  let dialog = document.getElementById('parley-dialog');
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.id = 'parley-dialog';
    document.body.append(dialog);
    dialog.addEventListener('close', () => render(nothing, dialog));
  }
  return dialog;
}

/**
 * Opens a modal dialog. `content(close)` returns the dialog's template and is rendered again by the returned
 * `update()`; `close(value)` closes it and resolves the returned promise with `value`.
 */
export function openDialog(content) {
  const dialog = dialogElement();
  let resolve;
  const done = new Promise((r) => (resolve = r));
  const close = (value) => {
    dialog.close();
    resolve(value);
  };
  const onCancel = () => resolve(undefined);
  dialog.addEventListener('cancel', onCancel, { once: true });
  const update = () => render(content(close, update), dialog);
  update();
  if (!dialog.open) {
    dialog.showModal();
  }
  const first = dialog.querySelector('[autofocus], input:not([type=hidden]):not([disabled]), button');
  if (first) first.focus();
  return { done, update, close };
}

/** Asks a yes/no question; resolves true when confirmed. */
export function confirmDialog({ title, message, details = [], confirmLabel, danger = false }) {
  return openDialog((close) => html`
    <form method="dialog" class="dialog" @submit=${(e) => { e.preventDefault(); close(true); }}>
      <h2>${title}</h2>
      <p>${message}</p>
      ${details.map((line) => html`<p class="dialog-detail">${line}</p>`)}
      <div class="dialog-buttons">
        <button type="button" @click=${() => close(false)}>Cancel</button>
        <button type="submit" class=${danger ? 'danger' : 'primary'}>${confirmLabel}</button>
      </div>
    </form>`).done.then((value) => value === true);
}

/**
 * A form dialog: `fields()` renders the inputs; `submit(formData)` sends them and resolves the dialog's result.
 * When it throws, the dialog stays open with the error in red and the named field marked.
 */
export function formDialog({ title, submitLabel, fields, submit, className = '' }) {
  let error = null;
  let busy = false;
  const handle = openDialog((close, update) => html`
    <form class="dialog ${className}" novalidate @submit=${async (event) => {
      event.preventDefault();
      if (busy) return;
      busy = true;
      error = null;
      update();
      try {
        const result = await submit(new FormData(event.target), event.target);
        close(result === undefined ? true : result);
      } catch (e) {
        error = e;
        busy = false;
        update();
        const bad = error.field && event.target.querySelector(`[name="${CSS.escape(error.field)}"]`);
        (bad || event.target.querySelector('.form-error'))?.focus?.();
      }
    }}>
      <h2>${title}</h2>
      ${error ? html`<p class="form-error" role="alert" tabindex="-1">${problemText(error)}</p>` : nothing}
      ${fields(error)}
      <div class="dialog-buttons">
        <button type="button" @click=${() => close(undefined)}>Cancel</button>
        <button type="submit" class="primary" ?disabled=${busy}>${submitLabel}</button>
      </div>
    </form>`);
  return handle.done;
}

/** A labelled input; marked invalid when `error` names it. */
export function field({ label, name, type = 'text', value = '', required = false, error, hint, autocomplete, disabled = false, attrs = {} }) {
  const invalid = !!(error && error.field === name);
  return html`
    <label class="field ${invalid ? 'invalid' : ''}">
      <span>${label}${required ? html` <abbr title="required">*</abbr>` : nothing}</span>
      <input name=${name} type=${type} .value=${value ?? ''} ?required=${required} ?disabled=${disabled}
        aria-invalid=${invalid ? 'true' : 'false'} autocomplete=${autocomplete || 'off'}
        minlength=${attrs.minlength ?? nothing} maxlength=${attrs.maxlength ?? nothing}
        min=${attrs.min ?? nothing} max=${attrs.max ?? nothing}>
      ${hint ? html`<small>${hint}</small>` : nothing}
    </label>`;
}

/** A short notice at the bottom of the screen. */
export function notify(message, kind = 'info') {
  let area = document.getElementById('parley-notices');
  if (!area) {
    area = document.createElement('div');
    area.id = 'parley-notices';
    area.setAttribute('role', 'status');
    area.setAttribute('aria-live', 'polite');
    document.body.append(area);
  }
  const notice = document.createElement('p');
  notice.className = 'notice ' + kind;
  notice.textContent = message;
  area.append(notice);
  setTimeout(() => notice.remove(), 6000);
}

/** The agent's avatar: their picture, or the initial of their display name. */
export function avatar(agent, size = 'small') {
  const name = agent.displayName || agent.username || '?';
  if (agent.avatarUrl) {
    return html`<img class="avatar ${size}" src=${agent.avatarUrl} alt="">`;
  }
  return html`<span class="avatar ${size}" aria-hidden="true">${[...name.trim()][0]?.toUpperCase() || '?'}</span>`;
}

/** Online or Offline, as a badge. */
export function statusBadge(agent) {
  return agent.status === 'ONLINE'
    ? html`<span class="badge online">Online</span>`
    : html`<span class="badge offline">Offline</span>`;
}

export const ACCESS_LABELS = { OWNER: 'Owner', FULL: 'Full access', LIMITED: 'Limited access' };

/** A string field of a FormData, trimmed; '' when missing. */
export function text(form, name) {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
