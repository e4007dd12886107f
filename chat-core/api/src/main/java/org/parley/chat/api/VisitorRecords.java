package org.parley.chat.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What Parley knows about visitors beyond their conversations: the name and email they gave, where they come from,
 * the pages they viewed, whether they are blocked, and the notes agents wrote about them. Provided by chat core; the
 * transports call it. Every method refuses with {@link ChatException} ({@code NOT_FOUND} for an unknown visitor,
 * {@code INVALID} naming the field).
 */
@ProviderType
public interface VisitorRecords {
    /** The longest name a visitor may give, in characters. */
    int MAX_NAME_LENGTH = 100;
    /** The longest email address (RFC 5321's path limit). */
    int MAX_EMAIL_LENGTH = 254;
    /** The longest page or referrer URL. */
    int MAX_URL_LENGTH = 2000;
    /** Page titles are cut to this many characters. */
    int MAX_TITLE_LENGTH = 500;
    /** The longest note, in characters. */
    int MAX_NOTE_LENGTH = 2000;
    /** The page views kept per visitor: the newest ones; older ones are deleted as new ones arrive. */
    int KEPT_PAGE_VIEWS = 50;
    /** A page view this long after the previous one starts a new visit. */
    Duration NEW_VISIT_AFTER = Duration.ofMinutes(30);

    /** The visitor's record, if the visitor exists. */
    Optional<VisitorRecord> find(String visitorId);

    /**
     * Stores the name and email the visitor gave; null or blank clears them.
     *
     * @throws ChatException INVALID naming {@code name} (too long) or {@code email} (not an address)
     */
    VisitorRecord identify(String visitorId, String name, String email);

    /**
     * Records a page the visitor's browser loaded, counting a new visit when the previous page view is older than
     * {@link #NEW_VISIT_AFTER}, and where the request came from.
     *
     * @throws ChatException INVALID naming {@code url} (not http(s), or too long) or {@code referrer} (too long)
     */
    VisitorRecord recordPageView(String visitorId, PageView view, VisitorOrigin origin);

    /** The visitor's most recent page views, newest first, at most {@link #KEPT_PAGE_VIEWS}. */
    List<PageView> pageViews(String visitorId);

    /**
     * Blocks or unblocks the visitor. A blocked visitor cannot open conversations or write messages: those calls
     * refuse with {@link ChatException.Reason#BLOCKED}.
     *
     * @param agentId the agent who decided it
     */
    VisitorRecord setBlocked(String visitorId, boolean blocked, String agentId);

    /** The notes agents wrote about the visitor, oldest first. */
    List<VisitorNote> notes(String visitorId);

    /**
     * Adds a note by this agent.
     *
     * @throws ChatException INVALID naming {@code text} when it is blank or longer than {@link #MAX_NOTE_LENGTH}
     */
    VisitorNote addNote(String visitorId, String authorId, String authorName, String text);

    /**
     * Changes the text of a note; only its author may.
     *
     * @throws ChatException NOT_FOUND for an unknown note; FORBIDDEN when the agent did not write it
     */
    VisitorNote editNote(String visitorId, String noteId, String agentId, String text);

    /**
     * Deletes a note; only its author may.
     *
     * @throws ChatException NOT_FOUND for an unknown note; FORBIDDEN when the agent did not write it
     */
    void deleteNote(String visitorId, String noteId, String agentId);
}
