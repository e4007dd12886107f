package org.parley.chat.web.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Headers for {@code /widget.js}, which every page of the shop loads from another origin: browsers may keep it five
 * minutes, so an upgrade reaches shoppers within five minutes; shops that isolate their pages (COEP) may still load
 * it. Bundles are built reproducibly with one fixed file time, so no {@code Last-Modified} goes out: revalidating
 * against it would keep an old widget after an upgrade.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/widget.js")
public class WidgetScriptHeaders implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("Cache-Control", "public, max-age=300");
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        chain.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper((jakarta.servlet.http.HttpServletRequest) request) {
            @Override
            public long getDateHeader(String name) {
                return "If-Modified-Since".equalsIgnoreCase(name) ? -1 : super.getDateHeader(name);
            }

            @Override
            public String getHeader(String name) {
                return "If-Modified-Since".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }
        }, new HttpServletResponseWrapper(http) {
            @Override
            public void setDateHeader(String name, long date) {
                if (!"Last-Modified".equalsIgnoreCase(name)) {
                    super.setDateHeader(name, date);
                }
            }
        });
    }
}
