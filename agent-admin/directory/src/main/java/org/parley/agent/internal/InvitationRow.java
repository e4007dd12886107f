package org.parley.agent.internal;

import java.time.OffsetDateTime;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Invitation;
import org.parley.agent.api.InvitationStatus;

/** One row of {@code agent_invitation}; MyBatis fills and reads the fields. */
final class InvitationRow {
    String id;
    String email;
    String emailKey;
    String displayName;
    AccessLevel accessLevel;
    String tokenHash;
    String invitedBy;
    OffsetDateTime createdAt;
    OffsetDateTime expiresAt;
    OffsetDateTime acceptedAt;
    OffsetDateTime revokedAt;

    InvitationStatus status(OffsetDateTime now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return expiresAt.isAfter(now) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    Invitation toInvitation(OffsetDateTime now) {
        return new Invitation(id, email, displayName, accessLevel, invitedBy, createdAt.toInstant(),
                expiresAt.toInstant(), status(now));
    }
}
