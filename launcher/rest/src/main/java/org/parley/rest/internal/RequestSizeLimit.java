package org.parley.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * Refuses request bodies over {@link #MAX_BYTES} (images: {@link #MAX_IMAGE_BYTES}) with 413, whether or not they
 * announce their length, so that no request can make the server buffer an unbounded body.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("parley.request-size")
@PreMatching
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {
    /** The largest request body Parley's API accepts: 64 KiB. */
    public static final int MAX_BYTES = 64 * 1024;
    /** The largest image body (an agent's avatar, {@code image/*}): 256 KiB; the resource may accept less. */
    public static final int MAX_IMAGE_BYTES = 256 * 1024;
    /**
     * How much of a refused body is read and thrown away, so that the connection stays usable and the 413 reaches the
     * client: a server that answers early and closes with unread bytes resets the connection, and the client may lose
     * the answer. Larger bodies are not read; their connection is closed.
     */
    static final int MAX_DISCARDED_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        int limit = type != null && "image".equalsIgnoreCase(type.getType()) ? MAX_IMAGE_BYTES : MAX_BYTES;
        if (request.getLength() > limit) {
            if (request.getLength() <= MAX_DISCARDED_BYTES) {
                discard(request.getEntityStream(), MAX_DISCARDED_BYTES);
            }
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    /** Reads and drops what is left of the body, up to {@code max} bytes; a broken stream ends it early. */
    static void discard(InputStream body, long max) {
        byte[] buffer = new byte[8192];
        long left = max;
        try {
            for (int n; left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // The client went away: nothing to keep usable.
        }
    }

    static ProblemException tooLarge(int limit) {
        return new ProblemException(Problem.of(413, "Request too large",
                "The request body is larger than " + limit + " bytes"));
    }

    private static final class Limited extends FilterInputStream {
        private final int limit;
        private long read;

        Limited(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                discard(in, MAX_DISCARDED_BYTES);
                throw tooLarge(limit);
            }
        }
    }
}
