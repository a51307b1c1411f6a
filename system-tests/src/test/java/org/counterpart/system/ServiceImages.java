package org.counterpart.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The three services' images, built from their own Dockerfiles (which copy target/quarkus-app) once per test JVM,
 * under fixed names so that both the Testcontainers scenarios and the compose check run the same images and nothing
 * is built twice. Docker's layer cache makes a rebuild of unchanged services quick.
 */
final class ServiceImages {

    static final List<String> SERVICES = List.of("ingest-service", "facts-service", "metrics-service");
    private static final String TAG = "system-tests";
    private static Map<String, String> built;

    private ServiceImages() {}

    /** Service name → image name, building the images on the first call. */
    static synchronized Map<String, String> of(ComposeFile compose) {
        if (built == null) {
            Map<String, String> variables = new LinkedHashMap<>(System.getenv());
            Map<String, String> images = new LinkedHashMap<>();
            for (String service : SERVICES) {
                long t0 = System.nanoTime();
                Path dir = compose.root().resolve(service);
                String name = "counterpart/" + service + ":" + TAG;
                // Only the Dockerfile and the packaged application: the module's sources and build output stay home.
                // Testcontainers does not pull the FROM image here, so a local stand-in JRE image serves.
                new ImageFromDockerfile(name, false)
                        .withFileFromPath("Dockerfile", dir.resolve("Dockerfile"))
                        .withFileFromPath("target/quarkus-app", dir.resolve("target/quarkus-app"))
                        .withBuildArgs(compose.buildArgs(service, variables))
                        .get();
                System.out.printf("[system] image %s built in %ds%n", name, (System.nanoTime() - t0) / 1_000_000_000);
                images.put(service, name);
            }
            built = images;
        }
        return built;
    }
}
