package org.counterpart.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The deployment of docker-compose.yml, driven through the compose CLI ({@code docker compose} where the plugin
 * exists, else {@code docker-compose} 1.29+), under its own project name so that it never touches a developer's
 * stack. Faults are compose/docker commands on the same containers: stop/start and SIGKILL/start.
 */
final class Compose {

    static final String PROJECT = "counterpart-systest";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<String> command;
    private final Path file;
    private final Map<String, String> env = new HashMap<>();
    private final Path logDir;

    private Compose(List<String> command, Path file, Path logDir) {
        this.command = command;
        this.file = file;
        this.logDir = logDir;
    }

    /** Empty, with the reason, when there is no Docker engine or no compose here. */
    static Result<Compose> detect(Path file, Path logDir) {
        if (!run(List.of("docker", "info"), Map.of(), Duration.ofSeconds(30)).ok()) {
            return Result.failure("no Docker engine: system tier skipped (start one, or run docker/build-images.sh as root)");
        }
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            if (run(version, Map.of(), Duration.ofSeconds(30)).ok()) {
                return Result.success(new Compose(candidate, file, logDir));
            }
        }
        return Result.failure("no docker compose plugin and no docker-compose: system tier skipped");
    }

    String describe() { return String.join(" ", command); }

    Compose env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs a compose command; throws with its output when it fails. */
    String run(Duration timeout, String... args) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", file.toString(), "-p", PROJECT));
        full.addAll(List.of(args));
        Outcome outcome = run(full, env, timeout);
        if (!outcome.ok()) {
            throw new IllegalStateException("`" + String.join(" ", full) + "` failed (" + outcome.exitCode() + "):\n"
                    + tail(outcome.output(), 4000));
        }
        return outcome.output();
    }

    /** A compose command whose (long) output goes to a log file under target/. */
    void runLogged(String logName, Duration timeout, String... args) {
        String output = run(timeout, args);
        try {
            Files.createDirectories(logDir);
            Files.writeString(logDir.resolve(logName), output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the log is a convenience
        }
    }

    void stop(String service) { run(Duration.ofSeconds(60), "stop", "-t", "20", service); }

    void start(String service) { run(Duration.ofSeconds(60), "start", service); }

    void kill(String service) { run(Duration.ofSeconds(60), "kill", "-s", "SIGKILL", service); }

    void saveLogs() {
        try {
            runLogged("compose.log", Duration.ofSeconds(120), "logs", "--no-color");
            runLogged("ps.txt", Duration.ofSeconds(30), "ps");
        } catch (RuntimeException e) {
            System.err.println("could not save the containers' logs: " + e.getMessage());
        }
    }

    /** A password docker-compose.yml's Kafka users accept (12 or more of A-Z a-z 0-9 . _ ~ -): 48 hex digits. */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static int freePort(int preferred) {
        try (ServerSocket socket = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException busy) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    record Outcome(int exitCode, String output) {
        boolean ok() { return exitCode == 0; }
    }

    static Outcome run(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Path out = Files.createTempFile("compose", ".out");
            builder.redirectOutput(out.toFile());
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

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
    }

    record Result<T>(Optional<T> value, String reason) {
        static <T> Result<T> success(T value) { return new Result<>(Optional.of(value), null); }
        static <T> Result<T> failure(String reason) { return new Result<>(Optional.empty(), reason); }
    }
}
