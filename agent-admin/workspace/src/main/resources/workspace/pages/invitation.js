// An invitation link: shows who invited whom, or why the link no longer works, and creates the agent.
import { nothing } from '../vendor/lit-html/lit-html.js';
import { problemText, ApiError } from '../api.js';
import { field, text, ACCESS_LABELS } from '../ui.js';

export async function render(ctx) {
  const { html, main, api } = ctx;
  const token = new URLSearchParams(location.search).get('token') || '';
  document.title = 'Invitation · Parley';

  function dead(detail) {
    ctx.render(html`<section class="card invitation-dead">
      <h1>This invitation link no longer works</h1>
      <p role="alert">${detail}</p>
      <p>Ask whoever invited you to send the invitation again. Already have an account? <a href="/signin">Sign in</a>.</p>
    </section>`, main);
  }

  if (!token) {
    dead('The link has no invitation token. Open the link from the invitation email.');
    return;
  }
  let invitation;
  try {
    invitation = await api('GET', '/invitations/by-token/' + encodeURIComponent(token));
  } catch (e) {
    dead(e instanceof ApiError && (e.status === 410 || e.status === 404) ? e.message : problemText(e));
    return;
  }

  let error = null;
  let busy = false;

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    busy = true;
    error = null;
    draw();
    try {
      const session = await api('POST', '/invitations/accept', {
        token, displayName: text(form, 'displayName'), username: text(form, 'username'),
        password: String(form.get('password') || ''),
      });
      ctx.signedIn(session);
      ctx.navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) {
        dead(e.message);
        return;
      }
      error = e;
      busy = false;
      draw();
    }
  }

  function draw() {
    ctx.render(html`
      <form class="card invitation" novalidate @submit=${submit}>
        <h1>Join the team on Parley</h1>
        <p>You are invited as <strong>${invitation.email}</strong> with ${ACCESS_LABELS[invitation.accessLevel] || invitation.accessLevel}.
          The link works until ${new Date(invitation.expiresAt).toLocaleString()}.</p>
        ${error ? html`<p class="form-error" role="alert">${problemText(error)}</p>` : nothing}
        ${field({ label: 'Display name', name: 'displayName', required: true, value: invitation.displayName || '', error, autocomplete: 'name', hint: 'Visitors see this name in the chat.' })}
        ${field({ label: 'Username', name: 'username', required: true, error, autocomplete: 'username', hint: 'You sign in with it or with your email; it cannot be changed later.' })}
        ${field({ label: 'Password', name: 'password', type: 'password', required: true, error, autocomplete: 'new-password', hint: 'At least 6 characters.' })}
        <button class="primary wide" type="submit" ?disabled=${busy}>Join</button>
      </form>`, main);
  }
  draw();
}
