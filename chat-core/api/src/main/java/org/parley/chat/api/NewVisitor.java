package org.parley.chat.api;

/**
 * A visitor just created, with the secret token that is the only key to their conversations. Parley keeps only a
 * hash of the token; it cannot be shown again.
 */
public record NewVisitor(Visitor visitor, String token) {}
