package org.parley.chat.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.VisitorRecords;

/** What visitors may tell us about themselves and their pages, and what agents may write in notes. */
final class VisitorRules {
    /** One @, something before it, a dot in the domain, no blanks: the widget's own check, not RFC 5322. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    private VisitorRules() {}

    /** The trimmed name, or null for none. */
    static String name(String name) {
        String trimmed = blankToNull(name);
        if (trimmed != null && trimmed.codePointCount(0, trimmed.length()) > VisitorRecords.MAX_NAME_LENGTH) {
            throw invalid("name", "The name may have at most " + VisitorRecords.MAX_NAME_LENGTH + " characters");
        }
        if (trimmed != null && trimmed.chars().anyMatch(Character::isISOControl)) {
            throw invalid("name", "The name may not contain control characters");
        }
        return trimmed;
    }

    /** The trimmed address, or null for none. */
    static String email(String email) {
        String trimmed = blankToNull(email);
        if (trimmed != null && (trimmed.length() > VisitorRecords.MAX_EMAIL_LENGTH || !EMAIL.matcher(trimmed).matches())) {
            throw invalid("email", "'email' must be an email address such as jane@example.com, or null");
        }
        return trimmed;
    }

    /** A page's address: http or https with a host, at most {@link VisitorRecords#MAX_URL_LENGTH} characters. */
    static String url(String url) {
        String trimmed = blankToNull(url);
        if (trimmed == null || !isWebAddress(trimmed)) {
            throw invalid("url", "'url' must be an http or https address of at most " + VisitorRecords.MAX_URL_LENGTH
                    + " characters");
        }
        return trimmed;
    }

    /** The referrer when it is a web address; other referrers (app links, blank) are dropped, too long refused. */
    static String referrer(String referrer) {
        String trimmed = blankToNull(referrer);
        if (trimmed != null && trimmed.length() > VisitorRecords.MAX_URL_LENGTH) {
            throw invalid("referrer", "'referrer' may have at most " + VisitorRecords.MAX_URL_LENGTH + " characters");
        }
        return trimmed != null && isWebAddress(trimmed) ? trimmed : null;
    }

    /** The title cut to {@link VisitorRecords#MAX_TITLE_LENGTH}: a long title is the page's fault, not the visitor's. */
    static String title(String title) {
        String trimmed = blankToNull(title);
        if (trimmed == null || trimmed.codePointCount(0, trimmed.length()) <= VisitorRecords.MAX_TITLE_LENGTH) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, VisitorRecords.MAX_TITLE_LENGTH));
    }

    static String note(String text) {
        String trimmed = blankToNull(text);
        if (trimmed == null) {
            throw invalid("text", "'text' must not be empty");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > VisitorRecords.MAX_NOTE_LENGTH) {
            throw invalid("text", "A note may have at most " + VisitorRecords.MAX_NOTE_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Cuts a value sent by the browser to the column's size; such values are informative, never refused. */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static boolean isWebAddress(String text) {
        if (text.length() > VisitorRecords.MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ChatException invalid(String field, String message) {
        return new ChatException(ChatException.Reason.INVALID, field, message);
    }
}
