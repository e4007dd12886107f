package org.parley.chat.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.SessionCredentials;
import org.parley.chat.api.AgentDesk;
import org.parley.chat.api.VisitorInfoContributor;
import org.parley.chat.api.VisitorNote;
import org.parley.chat.api.VisitorPresence;
import org.parley.chat.api.VisitorRecord;
import org.parley.chat.api.VisitorRecords;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * {@code /api/v1/desk/visitors}: what agents see about a visitor (the visitor info, the conversation history), their
 * notes, and blocking. Every signed-in agent reads and writes notes; only a note's author edits or deletes it; only
 * active agents block and unblock (as only they chat), whatever their access level: visitors are LIMITED's work too.
 */
@Component(service = DeskVisitorResource.class)
@JakartarsResource
@JSONRequired
@Path("desk/visitors")
@Produces(MediaType.APPLICATION_JSON)
public class DeskVisitorResource {
    private final AgentDesk desk;
    private final VisitorRecords records;
    private final VisitorPresence presence;
    private final DeskAccess access;
    private final UserAgents userAgents = new UserAgents();
    private final VisitorSections sections = new VisitorSections();

    @Activate
    public DeskVisitorResource(@Reference AgentDesk desk, @Reference VisitorRecords records,
            @Reference VisitorPresence presence, @Reference AgentSessions sessions) {
        this.desk = desk;
        this.records = records;
        this.presence = presence;
        this.access = new DeskAccess(sessions);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeContributor")
    void addContributor(VisitorInfoContributor contributor) {
        sections.add(contributor);
    }

    void removeContributor(VisitorInfoContributor contributor) {
        sections.remove(contributor);
    }

    @GET
    @Path("{visitorId}")
    public Json.VisitorInfo info(@CookieParam(SessionCredentials.COOKIE) String secret,
            @PathParam("visitorId") String visitorId) {
        Agent agent = access.reader(secret);
        VisitorRecord record = visitor(visitorId);
        UserAgents.Parsed software = userAgents.parse(record.userAgent());
        boolean recentPage = record.lastSeenAt() != null
                && record.lastSeenAt().isAfter(Instant.now().minus(VisitorPresence.PAGE_VIEW_PRESENCE));
        boolean located = record.country() != null || record.city() != null;
        return new Json.VisitorInfo(record.id(), record.name(), record.email(), record.ip(),
                new Json.Location(located, record.country(), record.city()),
                new Json.Software(software.os().name(), software.os().version()),
                new Json.Software(software.browser().name(), software.browser().version()),
                record.referrer(), record.visits(), recentPage || presence.isConnected(record.id()),
                record.lastSeenAt(), record.createdAt(), record.blocked(), record.blockedBy(), record.blockedAt(),
                records.pageViews(visitorId).stream()
                        .map(p -> new Json.PageViewView(p.url(), p.title(), p.viewedAt()))
                        .toList(),
                records.notes(visitorId).stream().map(n -> Json.NoteView.of(n, agent.id())).toList(),
                sections.of(record.visitor(), agent));
    }

    /** The visitor's conversations, newest first: the history tab beside the current chat. */
    @GET
    @Path("{visitorId}/conversations")
    public Json.DeskList history(@CookieParam(SessionCredentials.COOKIE) String secret,
            @PathParam("visitorId") String visitorId) {
        Agent agent = access.reader(secret);
        List<Json.DeskConversationView> history = desk.conversationsOfVisitor(agent.id(), visitorId).stream()
                .map(Json.DeskConversationView::of)
                .toList();
        if (history.isEmpty()) {
            throw ProblemException.notFound("No visitor has the id " + visitorId);
        }
        return new Json.DeskList(history);
    }

    @POST
    @Path("{visitorId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("visitorId") String visitorId,
            Json.NoteText body) {
        Agent agent = access.writer(secret, csrfToken);
        VisitorNote note = records.addNote(visitorId, agent.id(), agent.displayName(), text(body));
        return Response.created(URI.create("desk/visitors/" + visitorId + "/notes/" + note.id()))
                .entity(Json.NoteView.of(note, agent.id()))
                .build();
    }

    /** Changes a note's text: only its author may (403 for anyone else). */
    @PATCH
    @Path("{visitorId}/notes/{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Json.NoteView editNote(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("visitorId") String visitorId,
            @PathParam("noteId") String noteId, Json.NoteText body) {
        Agent agent = access.writer(secret, csrfToken);
        return Json.NoteView.of(records.editNote(visitorId, noteId, agent.id(), text(body)), agent.id());
    }

    @DELETE
    @Path("{visitorId}/notes/{noteId}")
    public Response deleteNote(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("visitorId") String visitorId,
            @PathParam("noteId") String noteId) {
        Agent agent = access.writer(secret, csrfToken);
        records.deleteNote(visitorId, noteId, agent.id());
        return Response.noContent().build();
    }

    /** Blocks the visitor: they can no longer open chats or write; open conversations stay readable. */
    @POST
    @Path("{visitorId}/block")
    public Json.VisitorInfo block(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("visitorId") String visitorId) {
        records.setBlocked(visitorId, true, moderator(secret, csrfToken).id());
        return info(secret, visitorId);
    }

    @DELETE
    @Path("{visitorId}/block")
    public Json.VisitorInfo unblock(@CookieParam(SessionCredentials.COOKIE) String secret,
            @HeaderParam(SessionCredentials.CSRF_HEADER) String csrfToken, @PathParam("visitorId") String visitorId) {
        records.setBlocked(visitorId, false, moderator(secret, csrfToken).id());
        return info(secret, visitorId);
    }

    private Agent moderator(String secret, String csrfToken) {
        Agent agent = access.writer(secret, csrfToken);
        if (!agent.active()) {
            throw new ProblemException(Problem.of(403, "Forbidden", "Inactive agents do not block visitors"));
        }
        return agent;
    }

    private VisitorRecord visitor(String visitorId) {
        return records.find(visitorId)
                .orElseThrow(() -> ProblemException.notFound("No visitor has the id " + visitorId));
    }

    private static String text(Json.NoteText body) {
        if (body == null) {
            throw ProblemException.invalid("text", "The request body must be a JSON object with a 'text' field");
        }
        return body.text();
    }
}
