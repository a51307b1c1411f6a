package org.counterpart.metrics.dashboard;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Chinese and English names of every region code, for the dashboard's Chinese mode: the totals carry codes and
 * the names as reports spell them, mostly pinyin. The names change only with a new build, so browsers keep them.
 */
@Path("/dashboard/region-names")
@Tag(name = "Dashboard")
public class RegionNamesResource {

    static final String CACHE_CONTROL = "public, max-age=86400";

    private final Map<String, RegionNames.Name> names = RegionNames.fromClassPath();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Region names by GB/T 2260 code, in Chinese (full and short) and English",
            description = "Every region of the gazetteer facts-service reads, e.g. {\"440300\": {\"zh\": \"深圳市\", "
                    + "\"short\": \"深圳\", \"en\": \"Shenzhen\"}}. Cached by browsers for a day.")
    @APIResponse(responseCode = "200", description = "An object keyed by region code",
            headers = @Header(name = "Cache-Control", description = CACHE_CONTROL,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    additionalProperties = RegionNames.Name.class)))
    public Response names() {
        return Response.ok(names).header("Cache-Control", CACHE_CONTROL).build();
    }
}
