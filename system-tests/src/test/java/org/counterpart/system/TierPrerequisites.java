package org.counterpart.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.RemoteDockerImage;
import org.testcontainers.utility.DockerImageName;

/**
 * What the system tier needs before it can run: a Docker engine, the base images, the packaged services (and, for
 * the compose check, a compose command). Where something is missing the tier FAILS under CI (CI=true, or
 * -Dsystem.required=true), so that a green build means the fault scenarios ran; elsewhere it skips, saying why.
 */
final class TierPrerequisites {

    private final String tier;
    private final List<String> missing = new ArrayList<>();
    private boolean engine;

    TierPrerequisites(String tier) {
        this.tier = tier;
    }

    static boolean required() {
        String ci = System.getenv("CI");
        return Boolean.getBoolean("system.required") || "true".equalsIgnoreCase(ci) || "1".equals(ci);
    }

    TierPrerequisites dockerEngine() {
        engine = DockerClientFactory.instance().isDockerAvailable();
        if (!engine) {
            missing.add("no Docker engine answers (start one, e.g. docker/build-images.sh as root)");
        }
        return this;
    }

    /** Each image present here, or pullable; the stand-ins come from docker/build-images.sh. */
    TierPrerequisites images(List<String> images) {
        if (!engine) {
            return this;
        }
        for (String image : images) {
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            } catch (RuntimeException absent) {
                try {
                    new RemoteDockerImage(DockerImageName.parse(image)).get();
                } catch (RuntimeException notPullable) {
                    missing.add("image " + image + " is not here and cannot be pulled (run docker/build-images.sh)");
                }
            }
        }
        return this;
    }

    /** The services' target/quarkus-app, which their Dockerfiles copy. */
    TierPrerequisites packaged(Path root, List<String> services) {
        for (String service : services) {
            if (!Files.isRegularFile(root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(service + " is not packaged (mvn package -DskipTests -pl " + service + " -am)");
            }
        }
        return this;
    }

    TierPrerequisites also(String problem) {
        missing.add(problem);
        return this;
    }

    /** Fails (CI) or skips (elsewhere) with every missing thing named; returns when nothing is missing. */
    void enforce() {
        if (missing.isEmpty()) {
            return;
        }
        String message = tier + " cannot run: " + String.join("; ", missing);
        if (required()) {
            System.out.println("[system] FAILING (CI=true): " + message);
            Assertions.fail(message + ". Under CI the system tier must run, not skip.");
        }
        System.out.println("[system] skipped: " + message);
        Assumptions.abort(message);
    }
}
