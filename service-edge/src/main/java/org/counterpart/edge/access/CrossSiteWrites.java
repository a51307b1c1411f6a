package org.counterpart.edge.access;

import java.net.URI;
import java.util.Locale;

/**
 * Tells a browser's cross-site request from a program's or the same site's. Browsers say where a request comes
 * from (Sec-Fetch-Site in current ones, Origin on every cross-origin POST); programs such as curl or a Kafka
 * subscriber's scripts send neither, so they are never refused here.
 */
public final class CrossSiteWrites {

    private CrossSiteWrites() {
    }

    public static boolean isCrossSite(String secFetchSite, String origin, String host) {
        if (secFetchSite != null) {
            String site = secFetchSite.strip().toLowerCase(Locale.ROOT);
            return !(site.equals("same-origin") || site.equals("none"));
        }
        if (origin == null || origin.isBlank()) {
            return false;
        }
        if (origin.strip().equals("null")) {
            return true; // sandboxed frames and some redirects: never a page of ours
        }
        try {
            URI from = URI.create(origin.strip());
            String authority = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
            return host == null || !(authority.equalsIgnoreCase(host.strip())
                    || (from.getPort() < 0 && from.getHost() != null && host.strip().equalsIgnoreCase(from.getHost())));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
