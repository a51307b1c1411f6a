package org.counterpart.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The compose command line on docker-compose.yml under a project name of its own (never a developer's stack):
 * {@code docker compose} where the plugin exists, else {@code docker-compose} 1.29+ (docker/build-images.sh installs
 * Debian's). Only ComposeDeploymentIT uses it; the fault scenarios drive containers through Testcontainers.
 */
final class Compose {

    private final List<String> command;
    private final Path file;
    private final String project;
    private final Map<String, String> env = new HashMap<>();

    private Compose(List<String> command, Path file, String project) {
        this.command = command;
        this.file = file;
        this.project = project;
    }

    /** The first compose command that answers here, if any. */
    static Optional<Compose> find(Path file, String project) {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            if (run(version, Map.of(), Duration.ofSeconds(30)).exitCode() == 0) {
                return Optional.of(new Compose(candidate, file, project));
            }
        }
        return Optional.empty();
    }

    String describe() { return String.join(" ", command); }

    String project() { return project; }

    Compose env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** Runs a compose command; throws with the tail of its output when it fails. */
    String run(Duration timeout, String... args) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", file.toString(), "-p", project));
        full.addAll(List.of(args));
        Outcome outcome = run(full, env, timeout);
        if (outcome.exitCode() != 0) {
            String output = outcome.output();
            throw new IllegalStateException("`" + String.join(" ", full) + "` failed (" + outcome.exitCode() + "):\n"
                    + (output.length() <= 4000 ? output : "…" + output.substring(output.length() - 4000)));
        }
        return outcome.output();
    }

    /** The containers' logs and states into {@code dir}; a convenience, so failures are only printed. */
    void saveLogs(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compose.log"), run(Duration.ofMinutes(2), "logs", "--no-color"),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("ps.txt"), run(Duration.ofSeconds(30), "ps"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("[compose] could not save the containers' logs: " + e.getMessage());
        }
    }

    private record Outcome(int exitCode, String output) {}

    private static Outcome run(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile("compose", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            return new Outcome(done ? process.exitValue() : -1, output);
        } catch (IOException e) {
            return new Outcome(-1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }
}
