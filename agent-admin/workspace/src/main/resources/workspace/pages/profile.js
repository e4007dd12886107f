// One's own profile: display name, password, avatar and notification settings. The username never changes; the
// email only the owner changes.
import { nothing } from '../vendor/lit-html/lit-html.js';
import { problemText } from '../api.js';
import { avatar, field, notify, text, ACCESS_LABELS } from '../ui.js';

const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const AVATAR_MAX_BYTES = 256 * 1024;

export async function render(ctx) {
  const { html, main, api } = ctx;
  const id = () => encodeURIComponent(ctx.session.agent.id);
  let profileError = null;
  let passwordError = null;
  let avatarError = null;
  let notifications = null;
  let notificationsError = null;

  try {
    notifications = await api('GET', `/agents/${id()}/notifications`);
  } catch (e) {
    notificationsError = e;
  }

  async function saveProfile(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const patch = { displayName: text(form, 'displayName') };
    if (ctx.session.agent.accessLevel === 'OWNER') patch.email = text(form, 'email');
    profileError = null;
    try {
      ctx.setSelf(await api('PATCH', `/agents/${id()}`, patch));
      notify('Profile saved.');
    } catch (e) {
      profileError = e;
    }
    draw();
  }

  async function changePassword(event) {
    event.preventDefault();
    const formElement = event.target;
    const form = new FormData(formElement);
    passwordError = null;
    if (form.get('password') !== form.get('repeat')) {
      passwordError = { field: 'repeat', message: 'The two new passwords differ.' };
      draw();
      return;
    }
    try {
      await api('PATCH', `/agents/${id()}`, { password: String(form.get('password') || ''), currentPassword: String(form.get('currentPassword') || '') });
      formElement.reset();
      notify('Password changed.');
    } catch (e) {
      passwordError = e;
    }
    draw();
  }

  async function uploadAvatar(event) {
    const file = event.target.files[0];
    event.target.value = '';
    avatarError = null;
    if (!file) return;
    if (!AVATAR_TYPES.includes(file.type)) {
      avatarError = { message: 'Choose a PNG, JPEG or WebP picture.' };
    } else if (file.size > AVATAR_MAX_BYTES) {
      avatarError = { message: 'The picture is larger than 256 KB. Choose a smaller one.' };
    } else {
      try {
        await api('PUT', `/agents/${id()}/avatar`, file);
        ctx.setSelf(await api('GET', `/agents/${id()}`));
        notify('Avatar updated.');
      } catch (e) {
        avatarError = e;
      }
    }
    draw();
  }

  async function removeAvatar() {
    avatarError = null;
    try {
      await api('DELETE', `/agents/${id()}/avatar`);
      ctx.setSelf(await api('GET', `/agents/${id()}`));
    } catch (e) {
      avatarError = e;
    }
    draw();
  }

  async function saveNotifications(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    notificationsError = null;
    try {
      notifications = await api('PUT', `/agents/${id()}/notifications`, {
        soundOnNewChat: form.get('soundOnNewChat') === 'on',
        soundOnNewMessage: form.get('soundOnNewMessage') === 'on',
        desktopNotifications: form.get('desktopNotifications') === 'on',
      });
      if (notifications.desktopNotifications && 'Notification' in window && Notification.permission === 'default') {
        Notification.requestPermission();
      }
      notify('Notification settings saved.');
    } catch (e) {
      notificationsError = e;
    }
    draw();
  }

  const errorLine = (e) => (e ? html`<p class="form-error" role="alert">${e.message && !e.status ? e.message : problemText(e)}</p>` : nothing);

  function draw() {
    const me = ctx.session.agent;
    const owner = me.accessLevel === 'OWNER';
    ctx.render(html`<div class="page profile-page">
      <h1>Profile</h1>
      <p class="muted">Signed in as <strong>${me.username}</strong> · ${ACCESS_LABELS[me.accessLevel]}${me.active ? '' : ' · inactive (does not chat)'}</p>

      <section class="card"><h2>Avatar</h2>
        <div class="avatar-row">${avatar(me, 'large')}
          <label class="button">Upload picture<input class="visually-hidden" type="file" name="avatar" accept=${AVATAR_TYPES.join(',')} @change=${uploadAvatar}></label>
          ${me.avatarUrl ? html`<button @click=${removeAvatar}>Remove</button>` : nothing}</div>
        <p class="muted">PNG, JPEG or WebP, at most 256 KB.</p>
        ${errorLine(avatarError)}</section>

      <form class="card profile-details" novalidate @submit=${saveProfile}><h2>Details</h2>
        ${errorLine(profileError)}
        ${field({ label: 'Display name', name: 'displayName', required: true, value: me.displayName, error: profileError })}
        ${field({ label: 'Email', name: 'email', type: 'email', value: me.email || '', disabled: !owner, error: profileError, hint: owner ? 'Optional.' : 'Only the owner changes email addresses.' })}
        <button class="primary" type="submit">Save</button></form>

      <form class="card password" novalidate @submit=${changePassword}><h2>Password</h2>
        ${errorLine(passwordError)}
        ${field({ label: 'Current password', name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password', error: passwordError })}
        ${field({ label: 'New password', name: 'password', type: 'password', required: true, autocomplete: 'new-password', error: passwordError, hint: 'At least 6 characters.' })}
        ${field({ label: 'Repeat new password', name: 'repeat', type: 'password', required: true, autocomplete: 'new-password', error: passwordError })}
        <button class="primary" type="submit">Change password</button></form>

      <form class="card notifications" @submit=${saveNotifications}><h2>Notifications</h2>
        ${errorLine(notificationsError)}
        ${notifications ? html`
          <label class="check"><input type="checkbox" name="soundOnNewChat" ?checked=${notifications.soundOnNewChat}> Play a sound for a new chat</label>
          <label class="check"><input type="checkbox" name="soundOnNewMessage" ?checked=${notifications.soundOnNewMessage}> Play a sound for a new message</label>
          <label class="check"><input type="checkbox" name="desktopNotifications" ?checked=${notifications.desktopNotifications}> Show desktop notifications</label>
          <button class="primary" type="submit">Save notifications</button>` : nothing}</form>
    </div>`, main);
  }
  draw();
}
