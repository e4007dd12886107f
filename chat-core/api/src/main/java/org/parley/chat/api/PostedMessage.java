package org.parley.chat.api;

/**
 * The outcome of posting a message.
 *
 * @param message the stored message
 * @param created false when a message with the same client message id was already stored, and that one is returned
 */
public record PostedMessage(Message message, boolean created) {}
