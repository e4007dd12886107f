// Sign-in: username or email and password; goes on to the page that asked for it.
import { nothing } from '../vendor/lit-html/lit-html.js';
import { problemText, ApiError } from '../api.js';

/** Where to go after signing in: only an address of this workspace. */
function nextAddress() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export async function render(ctx) {
  const { html, main, api } = ctx;
  let error = null;
  let busy = false;
  document.title = 'Sign in · Parley';

  async function submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    busy = true;
    error = null;
    draw();
    try {
      const session = await api('POST', '/session', { login: String(form.get('login') || '').trim(), password: String(form.get('password') || '') });
      ctx.signedIn(session);
      ctx.navigate(nextAddress(), { replace: true });
    } catch (e) {
      error = e instanceof ApiError && e.status === 401 ? 'Wrong username, email or password.' : problemText(e);
      busy = false;
      draw();
      main.querySelector('[name=password]').value = '';
      main.querySelector('[name=password]').focus();
    }
  }

  function draw() {
    ctx.render(html`
      <form class="card signin" @submit=${submit}>
        <h1>Sign in to Parley</h1>
        ${error ? html`<p class="form-error" role="alert">${error}</p>` : nothing}
        <label class="field"><span>Username or email</span>
          <input name="login" autocomplete="username" required autofocus></label>
        <label class="field"><span>Password</span>
          <input name="password" type="password" autocomplete="current-password" required></label>
        <button class="primary wide" type="submit" ?disabled=${busy}>Sign in</button>
        <p class="hint">New here? Your administrator sends you an invitation or gives you a username and password.</p>
      </form>`, main);
  }
  draw();
}
