package org.counterpart.edge.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.counterpart.edge.access.CrossSiteWrites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteWritesTest {

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            // a program: no browser headers at all
            "-, -, localhost:8081, false",
            // current browsers say where the request comes from
            "same-origin, http://localhost:8081, localhost:8081, false",
            "none, -, localhost:8081, false",
            "cross-site, https://elsewhere.example, localhost:8081, true",
            "same-site, http://localhost:8083, localhost:8081, true",
            // older browsers: only Origin
            "-, http://localhost:8081, localhost:8081, false",
            "-, http://LOCALHOST:8081, localhost:8081, false",
            "-, http://localhost:8083, localhost:8081, true",
            "-, https://elsewhere.example, reports.example.org, true",
            "-, https://reports.example.org, reports.example.org, false",
            "-, null, localhost:8081, true",
            "-, not a uri, localhost:8081, true"})
    void tellsCrossSiteFromSameSite(String secFetchSite, String origin, String host, boolean crossSite) {
        assertEquals(crossSite, CrossSiteWrites.isCrossSite(secFetchSite, origin, host));
    }
}
