package org.liaisonprm.network;

import java.util.Map;

/** How the explorer and the profiles name a node's network. */
final class NetworkNames {

    private static final Map<String, String> NAMES = Map.of(
            "IN", "In network", "AFFILIATED", "Affiliated", "OUT", "Out of network");

    private NetworkNames() {
    }

    /** "In network", "Affiliated" or "Out of network"; any other value as it is. */
    static String of(String network) {
        return NAMES.getOrDefault(network, network);
    }
}
