package org.parley.chat.api;

/**
 * A phone number in a {@link VisitorInfoSection}'s fields. Chat core masks it for every agent who may not see
 * customers' phone numbers, on the server, before the section leaves Parley: contributors put numbers in this
 * wrapper instead of plain text. (As a safety net, plain text under a field whose name contains "phone" is masked
 * too.)
 *
 * @param number the number as the source wrote it
 */
public record PhoneNumber(String number) {
    @Override
    public String toString() {
        return number;
    }
}
