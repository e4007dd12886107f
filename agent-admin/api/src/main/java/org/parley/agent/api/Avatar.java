package org.parley.agent.api;

/**
 * An agent's picture, as stored.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg} or {@code image/webp}; the bytes are of that format
 * @param image the image file's bytes, at most {@link AgentAvatars#MAX_BYTES}; do not change the array
 * @param version identifies this image: it changes whenever the image does (the agent's
 *     {@link Agent#avatarVersion()}), fit for an HTTP entity tag
 */
public record Avatar(String mediaType, byte[] image, String version) {}
