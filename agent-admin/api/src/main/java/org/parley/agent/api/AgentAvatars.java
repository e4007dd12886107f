package org.parley.agent.api;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Agents' pictures. Provided by the agent directory bundle; used by the admin pages. Callers authorize; a change is
 * told to the {@link AgentChangeListener}s, since the agent's {@link Agent#avatarVersion()} changes with it.
 */
@ProviderType
public interface AgentAvatars {
    /** The largest picture accepted: 256 KiB. */
    int MAX_BYTES = 256 * 1024;

    /** The formats accepted, by media type. */
    Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg", "image/webp");

    /** The agent's picture, if the agent exists and has one. */
    Optional<Avatar> find(String agentId);

    /**
     * Gives the agent this picture, replacing any other.
     *
     * @param mediaType one of {@link #MEDIA_TYPES}
     * @param image the file's bytes, which must be of that format (checked by their leading "magic" bytes)
     * @return the agent with the new {@link Agent#avatarVersion()}
     * @throws AgentException NOT_FOUND ({@code "agentId"}) for an unknown agent; INVALID ({@code "avatar"}) for
     *     another media type, an empty or larger image, or bytes that are not of the stated format
     */
    Agent change(String agentId, String mediaType, byte[] image);

    /**
     * Removes the agent's picture; nothing happens when there is none.
     *
     * @return the agent, now without avatar
     * @throws AgentException NOT_FOUND ({@code "agentId"}) for an unknown agent
     */
    Agent remove(String agentId);
}
