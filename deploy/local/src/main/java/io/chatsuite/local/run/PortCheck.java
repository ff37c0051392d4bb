package io.chatsuite.local.run;

import io.chatsuite.local.infra.Ports;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks, before anything starts, that every port the run needs is free, so a conflict fails fast and clearly. */
public final class PortCheck {

    private PortCheck() {}

    /**
     * Throws {@link PortConflictException} naming every taken port and its user in the suite, e.g.
     * "Port 8080 (edge) is already in use".
     */
    public static void requireFree(Map<String, Integer> portsByUse) {
        List<String> taken = portsByUse.entrySet().stream()
                .filter(e -> !Ports.isFree(e.getValue()))
                .map(e -> "Port " + e.getValue() + " (" + e.getKey() + ") is already in use")
                .collect(Collectors.toList());
        if (!taken.isEmpty()) {
            throw new PortConflictException(String.join("\n", taken) + "\n"
                    + "Another ./chat up, a dev-mode service or another program holds it. Stop that process "
                    + "(find it with: ss -ltnp | grep ':<port>') and run the command again.");
        }
    }
}
