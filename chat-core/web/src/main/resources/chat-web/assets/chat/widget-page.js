// The workspace's Chat widget page: the snippet to paste into the shop's pages, and the widget's JavaScript API.

export function snippet(origin) {
  return `<!-- Parley chat -->
<script>
  window.Parley = window.Parley || { q: [] };
  ['open', 'close', 'setVisitor'].forEach(function (m) {
    window.Parley[m] = window.Parley[m] || function () { window.Parley.q.push([m, [].slice.call(arguments)]); };
  });
</script>
<script async src="${origin}/widget.js"></script>`;
}

export async function render(ctx) {
  const { html, main } = ctx;
  const { notify } = ctx.ui;
  const code = snippet(location.origin);
  document.title = 'Chat widget · Parley';
  ctx.render(html`<div class="page widget-page">
    <h1>Chat widget</h1>
    <section class="card">
      <h2>Put the chat on your shop</h2>
      <p>Paste this snippet into every page of your shop, just before <code>&lt;/body&gt;</code> (in most shop
        systems: the theme's footer template). It loads in the background, so it never slows the page down, and it
        keeps its own styles apart from your shop's.</p>
      <pre class="snippet"><code>${code}</code></pre>
      <button class="primary" @click=${() => navigator.clipboard?.writeText(code).then(() => notify('Snippet copied.'), () => notify('Select the snippet and copy it by hand.', 'error'))}>Copy snippet</button>
      <p class="muted">The address in it is the one you opened the workspace with: ${location.origin}. If your shop's
        visitors reach Parley at another address, use that one instead.</p>
    </section>
    <section class="card">
      <h2>JavaScript API</h2>
      <p>Your shop's pages can control the widget, also before it has loaded:</p>
      <table class="data-table"><tbody>
        <tr><td><code>Parley.open()</code></td><td>opens the chat window</td></tr>
        <tr><td><code>Parley.close()</code></td><td>closes it (the launcher bubble stays)</td></tr>
        <tr><td><code>Parley.setVisitor({ name, email })</code></td><td>tells your agents who the visitor is, e.g. after they sign in to the shop</td></tr>
      </tbody></table>
    </section>
  </div>`, main);
}
