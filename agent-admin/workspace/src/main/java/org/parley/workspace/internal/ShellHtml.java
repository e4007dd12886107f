package org.parley.workspace.internal;

/** The workspace's HTML shell: styles, the page list as JSON data, and the script that does the rest. */
final class ShellHtml {
    private ShellHtml() {}

    /**
     * @param pagesJson the registered pages as JSON; every {@code <} in it is already escaped, so it cannot end the
     *     script element it sits in
     */
    static String render(String pagesJson) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Parley</title>
                <link rel="stylesheet" href="%1$s/workspace.css">
                <script type="application/json" id="parley-pages">%2$s</script>
                <script type="module" src="%1$s/app.js"></script>
                </head>
                <body>
                <div id="parley-app"><p class="loading">Loading…</p></div>
                <noscript>The Parley workspace needs JavaScript.</noscript>
                </body>
                </html>
                """.formatted(WorkspaceAssets.PREFIX, pagesJson);
    }
}
