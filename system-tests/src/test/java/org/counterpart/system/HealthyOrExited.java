package org.counterpart.system;

import java.time.Duration;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until the container's health check (the compose file's, set on the container) says healthy, and gives up at
 * once, with the end of its log, when the container exits instead: a service that failed at start-up never becomes
 * healthy, and waiting out the whole timeout would only delay the report.
 */
final class HealthyOrExited extends AbstractWaitStrategy {

    HealthyOrExited(Duration timeout) {
        withStartupTimeout(timeout);
    }

    @Override
    protected void waitUntilReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String id = waitStrategyTarget.getContainerId();
        while (System.nanoTime() < deadline) {
            InspectContainerResponse.ContainerState state =
                    waitStrategyTarget.getDockerClient().inspectContainerCmd(id).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                String log = waitStrategyTarget.getLogs();
                throw new ContainerLaunchException("container " + id.substring(0, 12) + " exited with code "
                        + state.getExitCodeLong() + " before it was healthy; its log ends:\n"
                        + (log.length() <= 3000 ? log : "…" + log.substring(log.length() - 3000)));
            }
            if (state.getHealth() != null && "healthy".equals(state.getHealth().getStatus())) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for " + id);
            }
        }
        throw new ContainerLaunchException("container " + id.substring(0, 12) + " not healthy within " + startupTimeout);
    }
}
