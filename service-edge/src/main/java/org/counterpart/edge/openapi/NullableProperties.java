package org.counterpart.edge.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes nullable properties readable as nullable by clients' validators (swagger-request-validator among them).
 * <ul>
 *   <li>A nullable property that names another schema (a {@code LocalDate}, an {@code Instant}, a {@code Total}) is
 *       written by SmallRye as {@code allOf: [$ref]} with {@code nullable: true}; validators then check {@code null}
 *       against the referenced schema and refuse it. The referenced schema's own fields are copied into the
 *       property instead, so that the property says itself what it holds, and that it may be null.</li>
 *   <li>A nullable property with an {@code enum} must list {@code null} among its values (OpenAPI 3.0.3), which an
 *       annotation cannot write: it is added here.</li>
 * </ul>
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableProperties implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        named.values().forEach(schema -> visit(schema, named, seen));
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(response -> {
                        if (response.getContent() != null) {
                            response.getContent().getMediaTypes().values()
                                    .forEach(media -> visit(media.getSchema(), named, seen));
                        }
                    });
                }
            }));
        }
    }

    private static void visit(Schema schema, Map<String, Schema> named, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getProperties() != null) {
            for (Schema property : schema.getProperties().values()) {
                inline(property, named);
                visit(property, named, seen);
            }
        }
        if (schema.getItems() != null) {
            inline(schema.getItems(), named);
            visit(schema.getItems(), named, seen);
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            visit(schema.getAdditionalPropertiesSchema(), named, seen);
        }
    }

    /**
     * SmallRye keeps {@code nullable} of a property without a type of its own (a reference) outside the MicroProfile
     * model, so its own reading is used: a type list with null, or that private mark.
     */
    private static boolean isNullable(Schema property) {
        return Boolean.TRUE.equals(io.smallrye.openapi.internal.models.media.SchemaSupport.getNullable(property));
    }

    private static void inline(Schema property, Map<String, Schema> named) {
        boolean nullable = isNullable(property);
        if (nullable && property.getEnumeration() != null
                && !property.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
        if (!nullable) {
            return;
        }
        // SmallRye's model holds the reference on the property itself and writes it as allOf for 3.0; read both
        List<Schema> allOf = property.getAllOf();
        String ref = property.getRef() != null ? property.getRef()
                : allOf != null && allOf.size() == 1 ? allOf.get(0).getRef() : null;
        if (ref == null || !ref.startsWith(PREFIX)) {
            return;
        }
        Schema target = named.get(ref.substring(PREFIX.length()));
        if (target == null || target.getType() == null) {
            return;
        }
        property.setRef(null);
        if (allOf != null && allOf.size() == 1) {
            property.setAllOf(null);
        }
        List<Schema.SchemaType> types = new ArrayList<>(target.getType());
        if (!types.contains(Schema.SchemaType.NULL)) {
            types.add(Schema.SchemaType.NULL);
        }
        property.setType(types);
        if (property.getFormat() == null) {
            property.setFormat(target.getFormat());
        }
        if (property.getPattern() == null) {
            property.setPattern(target.getPattern());
        }
        if (property.getDescription() == null) {
            property.setDescription(target.getDescription());
        }
        if (target.getProperties() != null) {
            property.setProperties(target.getProperties());
            property.setRequired(target.getRequired());
            property.setAdditionalPropertiesSchema(target.getAdditionalPropertiesSchema());
        }
        if (target.getItems() != null) {
            property.setItems(target.getItems());
        }
        if (target.getEnumeration() != null && property.getEnumeration() == null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null); // an enum lists every value allowed, null too once nullable
            property.setEnumeration(values);
        }
    }
}
