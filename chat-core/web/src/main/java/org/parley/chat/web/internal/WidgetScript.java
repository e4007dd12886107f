package org.parley.chat.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the chat widget at {@code /widget.js}, the address in the snippet that shops paste. */
@Component(service = WidgetScript.class)
@HttpWhiteboardResource(pattern = "/widget.js", prefix = "/chat-web/widget.js")
public class WidgetScript {}
