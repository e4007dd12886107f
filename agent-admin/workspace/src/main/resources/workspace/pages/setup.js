// First start: the one-time link from Parley's log creates the owner.
import { nothing } from '../vendor/lit-html/lit-html.js';
import { problemText, ApiError } from '../api.js';
import { field, text } from '../ui.js';

export async function render(ctx) {
  const { html, main, api } = ctx;
  const token = new URLSearchParams(location.search).get('token') || '';
  let error = null;
  let busy = false;
  document.title = 'Set up Parley';

  if (!token) {
    ctx.render(html`<section class="card"><h1>Set up Parley</h1>
      <p>Open the setup link that Parley printed in its log when it started ("Create the owner at …").</p></section>`, main);
    return;
  }

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    busy = true;
    error = null;
    draw();
    try {
      const session = await api('POST', '/setup', {
        token, displayName: text(form, 'displayName'), username: text(form, 'username'),
        password: String(form.get('password') || ''), email: text(form, 'email') || null,
      });
      ctx.signedIn(session);
      ctx.navigate('/agents', { replace: true });
    } catch (e) {
      error = e;
      busy = false;
      draw();
    }
  }

  function message(e) {
    if (e instanceof ApiError && e.status === 403) {
      return 'This setup link is not valid. Use the newest link from Parley\'s log: each start prints a new one.';
    }
    if (e instanceof ApiError && e.status === 409 && !e.field) {
      return 'Parley already has an owner.';
    }
    return problemText(e);
  }

  function draw() {
    const done = error instanceof ApiError && error.status === 409 && !error.field;
    ctx.render(html`
      <form class="card setup" novalidate @submit=${submit}>
        <h1>Set up Parley</h1>
        <p>Create the owner: the account that manages agents, seats and settings. You can chat too.</p>
        ${error ? html`<p class="form-error" role="alert">${message(error)}
          ${done ? html`<a href="/signin">Sign in</a>` : nothing}</p>` : nothing}
        ${field({ label: 'Display name', name: 'displayName', required: true, error, autocomplete: 'name' })}
        ${field({ label: 'Username', name: 'username', required: true, error, autocomplete: 'username', hint: 'You sign in with it; it cannot be changed later.' })}
        ${field({ label: 'Password', name: 'password', type: 'password', required: true, error, autocomplete: 'new-password', hint: 'At least 6 characters.' })}
        ${field({ label: 'Email (optional)', name: 'email', type: 'email', error, autocomplete: 'email' })}
        <button class="primary wide" type="submit" ?disabled=${busy || done}>Create owner</button>
      </form>`, main);
  }
  draw();
}
