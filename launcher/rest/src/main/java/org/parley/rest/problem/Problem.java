package org.parley.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code field} names the request field that
 * was wrong, when one was; {@code errors} lists every wrong field when there were several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, String field, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong field of a request. */
    public record FieldError(String field, String detail) {}

    /** A problem without a particular field. */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null);
    }

    /** A problem caused by one field of the request. */
    public static Problem ofField(int status, String title, String field, String detail) {
        return new Problem("about:blank", title, status, detail, null, field, List.of(new FieldError(field, detail)));
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, field, errors);
    }
}
