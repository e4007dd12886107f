package org.parley.agent.api;

/**
 * An invitation just sent or sent again, with the token that is its only key.
 *
 * @param invitation the invitation
 * @param token 256 random bits, URL-safe Base64; Parley stores only its SHA-256, so this is the one chance to put
 *     it in the email's link
 */
public record NewInvitation(Invitation invitation, String token) {

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "NewInvitation[invitation=" + invitation + ", token=***]";
    }
}
