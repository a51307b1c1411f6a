package org.counterpart.edge.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.counterpart.edge.PublicSettings;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The AsyncAPI document of the events this service publishes, at /asyncapi.yaml and /asyncapi.json, self-contained
 * ({@link EmbeddedSchemas}): a saved copy parses on its own. Built once from the template {@value #TEMPLATE} in the
 * service's resources and the JSON Schema files it serves under META-INF/resources, which stay the only source of
 * the payload schemas. In the template, {@value #BASE_URL} stands for this service's public base URL.
 */
@IfBuildProperty(name = "counterpart.outbox.publishes", stringValue = "true")
@Path("/")
public class AsyncApiResource {

    static final String TEMPLATE = "asyncapi/asyncapi.yaml";
    static final String BASE_URL = "${counterpart.public.base-url}";
    public static final String YAML_TYPE = "application/yaml";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "1.0" must stay a string, not become a number, when written without quotes.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES) // long descriptions stay one line, not folded with escapes
            .build());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PublicSettings publicSettings;
    private volatile ObjectNode document;

    public AsyncApiResource(PublicSettings publicSettings) {
        this.publicSettings = publicSettings;
    }

    @GET
    @Path("asyncapi.yaml")
    @Produces(YAML_TYPE)
    @Operation(hidden = true) // a document beside the OpenAPI one, not an operation of the API
    public String yaml() throws IOException {
        return YAML.writeValueAsString(document());
    }

    @GET
    @Path("asyncapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String json() throws IOException {
        return JSON.writeValueAsString(document());
    }

    private ObjectNode document() {
        ObjectNode built = document;
        if (built == null) {
            String base = publicSettings.resolve("").toString();
            String template = resource(TEMPLATE).replace(BASE_URL, base);
            try {
                built = new EmbeddedSchemas(this::schemaAt, path -> publicSettings.resolve(path).toString())
                        .embed((ObjectNode) YAML.readTree(template));
            } catch (IOException e) {
                throw new UncheckedIOException("The AsyncAPI template " + TEMPLATE + " is not YAML", e);
            }
            document = built;
        }
        return built;
    }

    private JsonNode schemaAt(String path) {
        try (InputStream in = classLoader().getResourceAsStream("META-INF/resources" + path)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema " + path, e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = classLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("This service publishes events but has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassLoader classLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
