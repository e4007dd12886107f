package org.parley.workspace.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Answers every workspace address with the same small HTML shell; its script then shows the page for the address.
 * Addresses are the public ones (sign-in, owner setup, invitation) and the registered {@link
 * org.parley.workspace.WorkspacePage}s; anything else gets the shell with status 404, which shows "not found".
 *
 * <p>Registered at {@code /}, the servlet whiteboard's default: the REST API ({@code /api/v1/*}), {@code /health} and
 * {@code /assets/*} have longer patterns and keep their requests.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class WorkspaceShell extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Pages that need no session. */
    static final Set<String> PUBLIC_PATHS = Set.of("/", "/signin", "/setup", "/invitation");

    /**
     * Scripts only from Parley's own origin, no inline script or style, no framing (clickjacking), and no referrer,
     * so that the tokens in setup and invitation links never leave in a Referer header.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final transient PageRegistry pages;

    @Activate
    public WorkspaceShell(@Reference PageRegistry pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        List<PageRegistry.Entry> entries = pages.entries();
        boolean known = PUBLIC_PATHS.contains(path) || entries.stream().anyMatch(entry -> entry.path().equals(path));
        response.setStatus(known ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        byte[] body = ShellHtml.render(pages.json(entries)).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }
}
