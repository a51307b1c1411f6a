package org.counterpart.metrics.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard page. Its script and style are static files under /dashboard/; the page itself is served here so
 * that it lives at /dashboard and carries a Content-Security-Policy that forbids inline scripts, a second line
 * of defence behind the script's rule of writing report data with textContent only.
 */
@Path("/dashboard")
@Tag(name = "Dashboard")
public class DashboardResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final byte[] page;

    public DashboardResource(DashboardSettings settings) {
        // The webjar's path carries its version; the pom's version is handed in through configuration.
        page = new String(load("dashboard/index.html"), StandardCharsets.UTF_8)
                .replace("@ECHARTS_VERSION@", settings.echartsVersion())
                .getBytes(StandardCharsets.UTF_8);
    }

    @GET
    @Produces("text/html;charset=UTF-8")
    @Operation(summary = "The totals dashboard (HTML)")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = "text/html;charset=UTF-8",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response page(@Parameter(
            description = "The page's language, en or zh; without it the reader's earlier choice, else the browser's language "
                    + "(read by the page's script, which ignores any other value)",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"en", "zh"}))
                         @QueryParam("lang") String lang) {
        return Response.ok(page)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static byte[] load(String resource) {
        try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
