package org.parley.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
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
 * Refuses request bodies over {@link #MAX_BYTES} with 413, whether or not they announce their length, so that no
 * request can make the server buffer an unbounded body.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("parley.request-size")
@PreMatching
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {
    /** The largest request body Parley's API accepts: 64 KiB. */
    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream()));
        }
    }

    static ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "Request too large",
                "The request body is larger than " + MAX_BYTES + " bytes"));
    }

    private static final class Limited extends FilterInputStream {
        private long read;

        Limited(InputStream in) {
            super(in);
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
            if (read > MAX_BYTES) {
                throw tooLarge();
            }
        }
    }
}
