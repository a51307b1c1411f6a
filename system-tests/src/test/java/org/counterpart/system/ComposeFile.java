package org.counterpart.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.model.HealthCheck;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as the deployment declares it, read so that the containers of the system tier get the same
 * images, environment, files, entry points and health checks as `docker compose up` would give them: a change to the
 * deployment file is what the tier then runs, not a copy kept beside it.
 */
final class ComposeFile {

    private final Path file;
    private final Map<String, Object> services;

    private ComposeFile(Path file, Map<String, Object> services) {
        this.file = file;
        this.services = services;
    }

    static ComposeFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return new ComposeFile(file, map(compose.get("services")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** The directory relative paths in the file (volumes, build contexts) start from: the repository root. */
    Path root() { return file.getParent(); }

    String image(String service, Map<String, String> variables) {
        return interpolate(String.valueOf(service(service).get("image")), variables);
    }

    /** The service's environment with ${NAME:-default} resolved against {@code variables}. */
    Map<String, String> environment(String service, Map<String, String> variables) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = service(service).get("environment");
        if (declared != null) {
            map(declared).forEach((key, value) -> env.put(key, interpolate(String.valueOf(value), variables)));
        }
        return env;
    }

    /** The build arguments of a service built from its own directory (e.g. JRE_IMAGE). */
    Map<String, String> buildArgs(String service, Map<String, String> variables) {
        Map<String, String> args = new LinkedHashMap<>();
        Object build = service(service).get("build");
        if (build instanceof Map<?, ?> spec && spec.get("args") != null) {
            map(spec.get("args")).forEach((key, value) -> args.put(key, interpolate(String.valueOf(value), variables)));
        }
        return args;
    }

    List<String> entrypoint(String service) {
        Object entrypoint = service(service).get("entrypoint");
        return entrypoint == null ? List.of() : list(entrypoint);
    }

    /** Bind-mounted files: host path (resolved from the file's directory) to container path. */
    Map<Path, String> files(String service) {
        Map<Path, String> files = new LinkedHashMap<>();
        Object volumes = service(service).get("volumes");
        if (volumes != null) {
            for (String volume : list(volumes)) {
                String[] parts = volume.split(":");
                if (parts[0].startsWith(".")) {
                    files.put(root().resolve(parts[0]).normalize(), parts[1]);
                }
            }
        }
        return files;
    }

    /** The container port of the service's first published port ("…:8081" → 8081). */
    int containerPort(String service) {
        String mapping = list(service(service).get("ports")).get(0);
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", ""));
    }

    /** The published port mappings, interpolated ("127.0.0.1:29092:29092"). */
    List<String> ports(String service, Map<String, String> variables) {
        return list(service(service).get("ports")).stream().map(p -> interpolate(p, variables)).toList();
    }

    /** The service's health check as the Docker API takes it. */
    HealthCheck healthCheck(String service) {
        Map<String, Object> check = map(service(service).get("healthcheck"));
        Object test = check.get("test");
        List<String> command = test instanceof String shell ? List.of("CMD-SHELL", shell) : new ArrayList<>(list(test));
        HealthCheck health = new HealthCheck().withTest(command);
        if (check.get("interval") != null) {
            health.withInterval(duration(check.get("interval")).toNanos());
        }
        if (check.get("timeout") != null) {
            health.withTimeout(duration(check.get("timeout")).toNanos());
        }
        if (check.get("retries") != null) {
            health.withRetries(Integer.parseInt(String.valueOf(check.get("retries"))));
        }
        return health;
    }

    /** Compose's interpolation of ${NAME:-default} and ${NAME}, for the given variables. */
    static String interpolate(String value, Map<String, String> variables) {
        Matcher matcher = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String set = variables.get(matcher.group(1));
            String replacement = set != null && !set.isEmpty() ? set
                    : matcher.group(2) != null ? matcher.group(2) : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Compose durations as this file writes them: 2s, 500ms, 1m. */
    static Duration duration(Object value) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)").matcher(String.valueOf(value).trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a duration this reader does not know: " + value);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException(file + " has no service " + name);
        }
        return map(service);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }
}
