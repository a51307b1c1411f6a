package org.counterpart.contract;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A service's AsyncAPI document as it serves it (/asyncapi.yaml, /asyncapi.json; service-edge AsyncApiResource),
 * checked as a subscriber who saves it would need it: it stands alone, and its payload schemas are the schema files
 * the service serves, not a second source that could drift from them.
 */
public final class PublishedAsyncApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String yaml;
    private final JsonNode document;

    private PublishedAsyncApi(String yaml, JsonNode document) {
        this.yaml = yaml;
        this.document = document;
    }

    /** Fetches both forms from the service under test (REST Assured's base URI and port); they must agree. */
    public static PublishedAsyncApi fetch() {
        String yaml = given().get("/asyncapi.yaml").then().statusCode(200).contentType("application/yaml")
                .extract().asString();
        String json = given().get("/asyncapi.json").then().statusCode(200).contentType("application/json")
                .extract().asString();
        try {
            JsonNode fromYaml = YAML.readTree(yaml);
            if (!fromYaml.equals(JSON.readTree(json))) {
                throw new AssertionError("/asyncapi.yaml and /asyncapi.json are not the same document");
            }
            return new PublishedAsyncApi(yaml, fromYaml);
        } catch (IOException e) {
            throw new AssertionError("The AsyncAPI document does not parse", e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Every {@code $ref} is a JSON pointer into the document that finds something there. */
    public PublishedAsyncApi assertSelfContained() {
        List<String> problems = new ArrayList<>();
        refs(document, "", problems);
        if (!problems.isEmpty()) {
            throw new AssertionError("The AsyncAPI document is not self-contained: " + problems);
        }
        return this;
    }

    private void refs(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (!target.startsWith("#/")) {
                    problems.add(at + "/$ref " + target + " points outside the document");
                } else if (document.at(target.substring(1)).isMissingNode()) {
                    problems.add(at + "/$ref " + target + " finds nothing in the document");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                refs(field.getValue(), at + "/" + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), at + "/" + i, problems);
            }
        }
    }

    /**
     * The payload schema under components.schemas.{@code component} is the file the service serves at
     * {@code path}, apart from what embedding changes: no $id or $schema, a $comment, internal references rewritten.
     */
    public PublishedAsyncApi assertEmbeds(String component, String path) {
        JsonNode served = given().get(path).then().statusCode(200).extract().as(JsonNode.class);
        JsonNode embedded = document.at("/components/schemas/" + component + "/schema");
        if (embedded.isMissingNode()) {
            throw new AssertionError("No components.schemas." + component + " in the AsyncAPI document");
        }
        String prefix = "#/components/schemas/" + component + "/schema/";
        ObjectNode source = served.deepCopy();
        source.remove(List.of("$id", "$schema"));
        JsonNode copy = JSON.valueToTree(JSON.convertValue(embedded, Object.class));
        ((ObjectNode) copy).remove("$comment");
        String restored;
        try {
            restored = JSON.writeValueAsString(copy).replace("\"$ref\":\"" + prefix, "\"$ref\":\"#/");
            if (!JSON.readTree(restored).equals(source)) {
                throw new AssertionError("components.schemas." + component + " is not " + path + " as served");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Saves the YAML as served, for .ci/check-asyncapi.sh to parse with the official AsyncAPI parser. */
    public Path save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
