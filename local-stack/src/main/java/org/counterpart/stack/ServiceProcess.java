package org.counterpart.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Quarkus service, run as its own JVM from its packaged application, configured through environment variables. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long startedAt = System.nanoTime();
    private volatile Duration startUp;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, Path projectRoot, int port, Map<String, String> env, Path logDir)
            throws IOException {
        Path jar = projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn install -DskipTests)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar.toString()));
        // The service logs to a file Quarkus rotates (10 MiB, five old ones kept), so a stack left running for
        // weeks does not fill the disk; the console keeps only what is printed before logging starts.
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".console.log").toFile()));
        builder.environment().put("QUARKUS_LOG_CONSOLE_ENABLED", "false");
        builder.environment().put("QUARKUS_LOG_FILE_ENABLED", "true");
        builder.environment().put("QUARKUS_LOG_FILE_PATH", log.toString());
        builder.environment().put("QUARKUS_LOG_FILE_ROTATION_MAX_FILE_SIZE", "10M");
        builder.environment().put("QUARKUS_LOG_FILE_ROTATION_MAX_BACKUP_INDEX", "5");
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), log);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the service says it is ready (database migrated, Kafka reachable). */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startUp = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** From process start until the service answered ready (JVM start, migrations, Kafka connection). */
    public Duration startUp() {
        return startUp;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
