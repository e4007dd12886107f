package org.parley.agent.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentException;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.Invitation;
import org.parley.agent.api.InvitationStatus;
import org.parley.agent.api.Invitations;
import org.parley.agent.api.NewAgentSession;
import org.parley.agent.api.NewInvitation;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * {@code /api/v1/invitations}: agents with full access invite by email; the invited person opens the emailed link,
 * which the two public operations check and accept.
 */
@Component(service = InvitationResource.class)
@JakartarsResource
@JSONRequired
@Path("invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {
    private final Invitations invitations;
    private final AgentSessions sessions;
    private final AgentAccess access;
    private final InvitationMail mail;
    private final SessionCookie cookie;

    @Activate
    public InvitationResource(@Reference Invitations invitations, @Reference AgentSessions sessions,
            @Reference InvitationMail mail, @Reference SessionCookie cookie) {
        this.invitations = invitations;
        this.cookie = cookie;
        this.sessions = sessions;
        this.access = new AgentAccess(sessions);
        this.mail = mail;
    }

    /** The invitations neither accepted nor revoked: pending ones and expired ones. */
    @GET
    public List<Json.InvitationView> list(@CookieParam(SessionCookie.NAME) String secret) {
        manager(access.reader(secret));
        return invitations.outstanding().stream().map(Json.InvitationView::of).toList();
    }

    /** Invites by email; the invitation takes a seat only once its email went out. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, Json.InvitationBody body,
            @Context HttpServletRequest request) {
        Agent caller = manager(access.writer(secret, csrfToken));
        if (body == null) {
            throw ProblemException.invalid("email", "The request body must be a JSON object");
        }
        requireMail();
        NewInvitation sent = invitations.invite(body.email(), body.accessLevel(), body.displayName(), caller.id());
        try {
            mail.send(sent, caller, InvitationMail.browserAddress(request));
        } catch (InvitationMail.NotSent e) {
            // Nobody received the link: free the seat, so that inviting again is not refused.
            invitations.revoke(sent.invitation().id());
            throw notSent(e);
        }
        return Response.created(URI.create("invitations/" + sent.invitation().id()))
                .entity(Json.InvitationView.of(sent.invitation()))
                .build();
    }

    /** Sends a new link valid for another 7 days; the previous link stops working. */
    @POST
    @Path("{id}/resend")
    public Json.InvitationView resend(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id,
            @Context HttpServletRequest request) {
        Agent caller = manager(access.writer(secret, csrfToken));
        requireMail();
        NewInvitation sent = invitations.resend(id);
        try {
            mail.send(sent, caller, InvitationMail.browserAddress(request));
        } catch (InvitationMail.NotSent e) {
            throw notSent(e);
        }
        return Json.InvitationView.of(sent.invitation());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id) {
        manager(access.writer(secret, csrfToken));
        invitations.revoke(id);
        return Response.noContent().build();
    }

    /** Public: whether the emailed link still works, and for whom. The token is the only credential. */
    @GET
    @Path("by-token/{token}")
    public Response check(@PathParam("token") String token) {
        Invitation invitation = invitations.findByToken(token).orElseThrow(() -> gone(null));
        if (invitation.status() != InvitationStatus.PENDING) {
            throw gone(invitation.status());
        }
        return Response.ok(Json.InvitationLink.of(invitation)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** Public: creates the invited agent and signs them in, exactly like {@code POST /session}. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(Json.Acceptance body, @CookieParam(SessionCookie.NAME) String previous,
            @Context HttpServletRequest request) {
        Json.Acceptance given = body == null ? new Json.Acceptance(null, null, null, null) : body;
        Invitation invitation = invitations.findByToken(given.token()).orElseThrow(() -> gone(null));
        if (invitation.status() != InvitationStatus.PENDING) {
            throw gone(invitation.status());
        }
        Agent agent;
        try {
            agent = invitations.accept(given.token(), given.displayName(), given.username(), given.password());
        } catch (AgentException e) {
            if ("token".equals(e.field())) {
                // Used, revoked or expired between the check above and now.
                throw new ProblemException(Problem.ofField(410, "Gone", "token", e.getMessage()));
            }
            throw e;
        }
        sessions.end(previous);
        NewAgentSession started = sessions.start(agent.id());
        return SessionResource.signedIn(Response.Status.CREATED, started, cookie.issue(started.secret(), request));
    }

    private static Agent manager(Agent caller) {
        if (!AgentPermissions.mayManageInvitations(caller)) {
            throw Refusals.forbidden("Limited access: only agents with full access invite agents");
        }
        return caller;
    }

    private void requireMail() {
        if (!mail.isConfigured()) {
            throw new ProblemException(Problem.of(503, "Email not set up", "Parley cannot send email yet: set the"
                    + " SMTP host in the configuration " + MailConfiguration.PID));
        }
    }

    private static ProblemException notSent(InvitationMail.NotSent e) {
        return new ProblemException(Problem.of(502, "Email not sent", e.getMessage()));
    }

    /** 410 for every link that does not work, saying why; {@code status} null for a token nobody was given. */
    static ProblemException gone(InvitationStatus status) {
        String detail = status == null ? "This invitation link is not valid; ask for a new invitation"
                : switch (status) {
                    case EXPIRED -> "This invitation expired; ask for a new one";
                    case REVOKED -> "This invitation was revoked";
                    case ACCEPTED -> "This invitation was already used; sign in instead";
                    case PENDING -> throw new IllegalArgumentException("a pending invitation is not gone");
                };
        return new ProblemException(Problem.ofField(410, "Gone", "token", detail));
    }
}
