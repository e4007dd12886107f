package org.parley.agent.rest.internal;

import java.util.List;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.rest.problem.ProblemException;

/** The actions on whole agents that {@code POST /agents/bulk} and {@code DELETE /agents/{id}} take. */
final class AgentStatusActions {
    static final List<String> ACTIONS = List.of("enable", "disable", "activate", "deactivate", "delete");

    private final AgentDirectory directory;

    AgentStatusActions(AgentDirectory directory) {
        this.directory = directory;
    }

    /** Checks the caller's permission, then the body, then lets the directory change all or none. */
    void apply(Agent caller, Json.BulkAction body) {
        if (!AgentPermissions.mayChangeStatus(caller)) {
            throw Refusals.forbidden("Limited access: only agents with full access change other agents");
        }
        if (body == null || body.action() == null || !ACTIONS.contains(body.action())) {
            throw ProblemException.invalid("action", "'action' must be one of " + String.join(", ", ACTIONS));
        }
        List<String> ids = body.ids();
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("ids", "Choose at least one agent");
        }
        switch (body.action()) {
            case "enable" -> directory.setEnabled(ids, true);
            case "disable" -> directory.setEnabled(ids, false);
            case "activate" -> directory.setActive(ids, true);
            case "deactivate" -> directory.setActive(ids, false);
            default -> directory.delete(ids);
        }
    }
}
