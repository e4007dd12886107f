package org.parley.agent.rest.internal;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentAvatars;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.AgentSessions;
import org.parley.agent.api.Avatar;
import org.parley.rest.problem.Problem;
import org.parley.rest.problem.ProblemException;

/**
 * {@code /api/v1/agents/{id}/avatar}: the agent's picture, sent as the image file itself ({@code image/png},
 * {@code image/jpeg} or {@code image/webp}, at most 256 KiB) and served only to signed-in agents.
 */
@Component(service = AvatarResource.class)
@JakartarsResource
@JSONRequired
@Path("agents/{id}/avatar")
public class AvatarResource {
    /** For the versioned URL in the agent's JSON: a new picture gets a new URL. */
    static final String IMMUTABLE = "private, max-age=31536000, immutable";
    /** For any other URL: the browser asks again, and hears 304 while the picture is the same. */
    static final String REVALIDATE = "private, no-cache";

    private final AgentDirectory directory;
    private final AgentAvatars avatars;
    private final AgentAccess access;

    @Activate
    public AvatarResource(@Reference AgentDirectory directory, @Reference AgentAvatars avatars,
            @Reference AgentSessions sessions) {
        this.directory = directory;
        this.avatars = avatars;
        this.access = new AgentAccess(sessions);
    }

    /** The picture, or 304 when the browser's copy (If-None-Match) is current; 404 without one. */
    /**
     * The picture, for anyone: visitors see their agent's avatar in the chat widget, on the shop's own origin, as in
     * every hosted chat. It is what the agent chose to show; the agent's id is already in every message they send.
     */
    @GET
    public Response get(@PathParam("id") String id, @QueryParam("v") String version,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Avatar avatar = avatars.find(id).orElseThrow(() -> ProblemException.notFound("This agent has no avatar"));
        String etag = "\"" + avatar.version() + "\"";
        Response.ResponseBuilder response = matches(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(avatar.image(), avatar.mediaType())
                        .header(HttpHeaders.CONTENT_LENGTH, avatar.image().length);
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, avatar.version().equals(version) ? IMMUTABLE : REVALIDATE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .build();
    }

    /** Replaces the picture with the request body; answers with the agent, whose avatarUrl changed. */
    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Json.AgentView change(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Agent caller = access.writer(secret, csrfToken);
        requireMayChange(caller, id);
        String mediaType = mediaType(contentType);
        if (!AgentAvatars.MEDIA_TYPES.contains(mediaType)) {
            throw new ProblemException(Problem.ofField(415, "Unsupported media type", "avatar",
                    "Send the avatar as image/png, image/jpeg or image/webp"));
        }
        Agent changed = avatars.change(id, mediaType, read(body));
        return Json.AgentView.of(changed, AgentPermissions.maySeeDetailsOf(caller, changed));
    }

    /** Removes the picture; done also when there was none. */
    @DELETE
    public Response remove(@CookieParam(SessionCookie.NAME) String secret,
            @HeaderParam(CsrfTokens.HEADER) String csrfToken, @PathParam("id") String id) {
        requireMayChange(access.writer(secret, csrfToken), id);
        avatars.remove(id);
        return Response.noContent().build();
    }

    private void requireMayChange(Agent caller, String id) {
        Agent target = directory.find(id).orElseThrow(() -> ProblemException.notFound("No agent has the id " + id));
        if (!AgentPermissions.mayChangeAvatarOf(caller, target)) {
            throw Refusals.forbidden(target.isOwner()
                    ? "Only the owner changes the owner's avatar"
                    : "Limited access: you may only change your own avatar");
        }
    }

    /** At most MAX_BYTES; 413 naming the avatar beyond. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] image = body.readNBytes(AgentAvatars.MAX_BYTES + 1);
            if (image.length > AgentAvatars.MAX_BYTES) {
                throw new ProblemException(Problem.ofField(413, "Request too large", "avatar",
                        "An avatar must be at most " + AgentAvatars.MAX_BYTES / 1024 + " KiB"));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type and subtype of a Content-Type header, in lower case, without parameters. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip()
                .toLowerCase(Locale.ROOT);
    }

    /** Whether If-None-Match names this entity tag (weak or strong) or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
