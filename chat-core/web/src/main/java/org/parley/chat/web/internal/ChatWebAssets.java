package org.parley.chat.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the chat's workspace pages from the bundle's {@code /chat-web/assets/chat} folder at {@code /assets/chat/}. */
@Component(service = ChatWebAssets.class)
@HttpWhiteboardResource(pattern = "/assets/chat/*", prefix = "/chat-web/assets/chat")
public class ChatWebAssets {}
