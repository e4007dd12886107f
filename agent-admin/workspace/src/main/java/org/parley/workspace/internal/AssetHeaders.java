package org.parley.workspace.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Headers for every static asset: browsers must not guess content types, and every load gets the file as this
 * Parley serves it.
 *
 * <p>Bundles are built reproducibly, so every file in them carries the same fixed modification time; answering
 * {@code If-Modified-Since} from it would keep last version's scripts in browsers after an upgrade. So conditional
 * requests are answered in full and no {@code Last-Modified} goes out. The workspace's files are small (about 120 KB
 * in all, less compressed) and come from the same server as the API.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/assets/*")
public class AssetHeaders implements Filter {
    private static final Set<String> CONDITIONAL = Set.of("if-modified-since", "if-none-match", "if-range");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Cache-Control", "no-store");
        chain.doFilter(new Unconditional((HttpServletRequest) request), new WithoutLastModified(http));
    }

    private static final class Unconditional extends HttpServletRequestWrapper {
        Unconditional(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(java.util.Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CONDITIONAL.contains(name.toLowerCase(java.util.Locale.ROOT))
                    ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            return CONDITIONAL.contains(name.toLowerCase(java.util.Locale.ROOT)) ? -1 : super.getDateHeader(name);
        }
    }

    private static final class WithoutLastModified extends HttpServletResponseWrapper {
        WithoutLastModified(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!"Last-Modified".equalsIgnoreCase(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!"Last-Modified".equalsIgnoreCase(name)) {
                super.addDateHeader(name, date);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Last-Modified".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Last-Modified".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
