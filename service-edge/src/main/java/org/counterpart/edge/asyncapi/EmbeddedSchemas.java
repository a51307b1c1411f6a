package org.counterpart.edge.asyncapi;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes an AsyncAPI document self-contained: every {@code $ref} to a JSON Schema file the service serves
 * ({@code /schemas/facts-event.schema.json}) becomes a reference to a copy of that schema under
 * {@code components.schemas}, so a saved copy of the document parses without the server.
 * <p>
 * The schema files are the contract, written in JSON Schema 2020-12; the AsyncAPI parser knows JSON Schema up to
 * draft-07. A copy is declared draft-07 and is refused unless every keyword it uses means the same in both (no
 * prefixItems, unevaluated*, dependent*, $anchor, $dynamicRef ...; no $ref beside assertions, which draft-07 would
 * ignore). Its internal references ({@code #/$defs/fact}) are rewritten to point at the copy; its {@code $id} (a
 * path on the server) and {@code $schema} are dropped, and a {@code $comment} names the absolute URI of the source.
 */
public final class EmbeddedSchemas {

    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-07";
    private static final String COMPONENTS = "#/components/schemas/";
    private static final Pattern COMPONENT_KEY = Pattern.compile("^[a-zA-Z0-9.\\-_]+$");

    /** Keywords whose value is one schema. */
    private static final Set<String> ONE_SCHEMA = Set.of("items", "additionalProperties", "not", "if", "then",
            "else", "contains", "propertyNames", "additionalItems");
    /** Keywords whose value is a list of schemas. */
    private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "$defs", "definitions");
    /** Keywords with the same meaning in draft-07 and 2020-12 whose value is not a schema. */
    private static final Set<String> PLAIN = Set.of("type", "enum", "const", "required", "format", "pattern",
            "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
            "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "title", "description",
            "default", "examples", "readOnly", "writeOnly", "deprecated", "$comment", "contentMediaType",
            "contentEncoding");
    /** Annotations that may stand beside a $ref without changing what it means under draft-07's rules. */
    private static final Set<String> BESIDE_REF = Set.of("$ref", "description", "title", "$comment", "examples",
            "deprecated", "readOnly", "writeOnly");

    private final Function<String, JsonNode> schemaAtPath;
    private final UnaryOperator<String> absolute;

    /**
     * @param schemaAtPath the schema file the service serves at a path, or null if it serves none there
     * @param absolute     the absolute URI of a path of the service (PublicSettings.resolve)
     */
    public EmbeddedSchemas(Function<String, JsonNode> schemaAtPath, UnaryOperator<String> absolute) {
        this.schemaAtPath = schemaAtPath;
        this.absolute = absolute;
    }

    /** A self-contained copy of the document; the template is not changed. */
    public ObjectNode embed(ObjectNode template) {
        ObjectNode document = template.deepCopy();
        Map<String, String> nameOfPath = new LinkedHashMap<>();
        Map<String, ObjectNode> copies = new LinkedHashMap<>();
        replaceServerRefs(document, nameOfPath, copies);
        if (!copies.isEmpty()) {
            JsonNode components = document.path("components");
            ObjectNode schemas = (components.isObject() ? (ObjectNode) components : document.putObject("components"))
                    .withObject("/schemas");
            copies.forEach((name, copy) -> {
                if (schemas.has(name)) {
                    throw new IllegalStateException("components.schemas." + name + " is in the template already");
                }
                schemas.putObject(name).put("schemaFormat", SCHEMA_FORMAT).set("schema", copy);
            });
        }
        return document;
    }

    private void replaceServerRefs(JsonNode node, Map<String, String> nameOfPath, Map<String, ObjectNode> copies) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                String path = ref.asText();
                if (!path.startsWith("/")) {
                    throw new IllegalStateException("Only #... and /path references can be made self-contained: " + path);
                }
                String name = nameOfPath.computeIfAbsent(path, p -> {
                    ObjectNode copy = copyOf(p);
                    String key = keyOf(copy, p);
                    if (copies.putIfAbsent(key, copy) != null) {
                        throw new IllegalStateException("Two schema files would be components.schemas." + key);
                    }
                    return key;
                });
                object.put("$ref", COMPONENTS + name);
            }
            object.elements().forEachRemaining(child -> replaceServerRefs(child, nameOfPath, copies));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> replaceServerRefs(child, nameOfPath, copies));
        }
    }

    /** The schema's title if it can be a component's name (FactsEvent), else from the file name. */
    private static String keyOf(JsonNode schema, String path) {
        String title = schema.path("title").asText(null);
        return title != null && COMPONENT_KEY.matcher(title).matches() ? title : keyOf(path);
    }

    private static String keyOf(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.schema\\.json$|\\.json$", "");
        return file.replaceAll("[^a-zA-Z0-9.\\-_]", "_");
    }

    private ObjectNode copyOf(String path) {
        JsonNode schema = schemaAtPath.apply(path);
        if (schema == null || !schema.isObject()) {
            throw new IllegalStateException("The document refers to " + path + ", which is not a JSON Schema of this service");
        }
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        copy.remove("$id");
        String at = COMPONENTS + keyOf(copy, path) + "/schema";
        checkAndRewrite(copy, at, path, "");
        copy.put("$comment", "Copy of " + absolute.apply(path) + " (JSON Schema 2020-12, the contract), embedded so "
                + "that this document stands alone; it uses only keywords that mean the same in draft-07.");
        return copy;
    }

    /** Checks the keywords of one schema (and its subschemas) and points its internal references at {@code at}. */
    private static void checkAndRewrite(JsonNode schema, String at, String file, String pointer) {
        if (schema.isBoolean()) {
            return;
        }
        if (!schema.isObject()) {
            throw refused(file, pointer, "a schema must be an object or a boolean");
        }
        ObjectNode object = (ObjectNode) schema;
        if (object.has("$ref")) {
            String ref = object.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw refused(file, pointer, "$ref " + ref + " leaves the schema file");
            }
            object.put("$ref", at + ref.substring(1));
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!BESIDE_REF.contains(name)) {
                    throw refused(file, pointer, name + " beside $ref, which draft-07 would ignore");
                }
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            String here = pointer + "/" + keyword;
            if (ONE_SCHEMA.contains(keyword)) {
                if (keyword.equals("items") && value.isArray()) {
                    throw refused(file, here, "items as a list means prefixItems in 2020-12");
                }
                checkAndRewrite(value, at, file, here);
            } else if (SCHEMA_LIST.contains(keyword)) {
                int i = 0;
                for (JsonNode sub : (ArrayNode) value) {
                    checkAndRewrite(sub, at, file, here + "/" + i++);
                }
            } else if (SCHEMA_MAP.contains(keyword)) {
                value.fields().forEachRemaining(e -> checkAndRewrite(e.getValue(), at, file, here + "/" + e.getKey()));
            } else if (!PLAIN.contains(keyword) && !keyword.startsWith("x-")) {
                throw refused(file, here, "keyword " + keyword + " is not known to mean the same in draft-07");
            }
        }
    }

    private static IllegalStateException refused(String file, String pointer, String why) {
        return new IllegalStateException("Cannot embed " + file + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + why);
    }
}
