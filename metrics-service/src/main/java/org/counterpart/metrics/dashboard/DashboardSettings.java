package org.counterpart.metrics.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the dashboard and the claims it shows need to know of the world outside this service. */
@ConfigMapping(prefix = "counterpart.dashboard")
public interface DashboardSettings {

    /** The ECharts webjar's version, which is part of its script's path: the pom's echarts.version. */
    String echartsVersion();

    /**
     * Where readers reach facts-service (its port on the local stack by default): each claim links to its fact in
     * the report view there, where an analyst can check it. A base URL, with or without a trailing slash.
     */
    @WithDefault("http://localhost:8082")
    String factsUrl();
}
