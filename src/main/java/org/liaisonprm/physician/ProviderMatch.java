package org.liaisonprm.physician;

import org.liaisonprm.base.NetworkPicture;

/**
 * One hit of the provider search.
 *
 * @param detail specialty for a physician, type for a facility
 */
public record ProviderMatch(String id, NetworkPicture.Kind kind, String name, String detail, String city,
                            String network) {

    /** What the search box shows for this hit. */
    public String label() {
        var label = new StringBuilder(name);
        if (detail != null && !detail.isBlank()) {
            label.append(" · ").append(detail);
        }
        if (city != null && !city.isBlank()) {
            label.append(" · ").append(city);
        }
        return label.toString();
    }
}
