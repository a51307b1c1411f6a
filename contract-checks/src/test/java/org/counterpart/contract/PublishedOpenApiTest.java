package org.counterpart.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PublishedOpenApiTest {

    private static final String DOCUMENT = """
            {"openapi":"3.0.3","info":{"title":"t","version":"1"},
             "paths":{
              "/things/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                "responses":{
                 "200":{"description":"one","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                 "404":{"description":"none","content":{"application/problem+json":{"schema":{"type":"object"}}}}}}},
              "/things":{"get":{"parameters":[{"name":"limit","in":"query","schema":{"type":"integer"}}],
                "responses":{"200":{"description":"all","headers":{"Link":{"schema":{"type":"string"}}},
                  "content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/Thing"}}}}}}},
                "post":{"responses":{"202":{"description":"taken"}}}}},
             "components":{"schemas":{"Thing":{"type":"object","required":["name"],
               "properties":{"name":{"type":"string"},"kind":{"type":"string","enum":["a","b"]},
                             "note":{"type":"string","nullable":true}}}}}}
            """;

    private static Exchange get(String uri, int status, String contentType, String body, Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new java.util.HashMap<>(extra);
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return new Exchange("GET", URI.create("http://localhost" + uri), Map.of(), null, status, headers, body);
    }

    @Test
    void aResponseTheDocumentDescribesHasNoProblems() {
        PublishedOpenApi api = PublishedOpenApi.of("test", DOCUMENT);
        assertEquals(List.of(), api.check(get("/things/1", 200, "application/json",
                "{\"name\":\"x\",\"kind\":\"a\",\"note\":null}", Map.of())));
        assertEquals(List.of(), api.check(get("/things?limit=2", 200, "application/json", "[]",
                Map.of("Link", List.of("</things?after=x>; rel=\"next\"")))));
    }

    @Test
    void nullWhereTheDocumentSaysNotNullableIsAProblem() {
        PublishedOpenApi api = PublishedOpenApi.of("test", DOCUMENT);
        List<String> problems = api.check(get("/things/1", 200, "application/json", "{\"name\":null}", Map.of()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("GET /things/1 -> 200: "), problems.get(0));
    }

    @Test
    void aValueOutsideTheEnumAnUndocumentedStatusAndAnUndocumentedHeaderAreProblems() {
        PublishedOpenApi api = PublishedOpenApi.of("test", DOCUMENT);
        assertEquals(1, api.check(get("/things/1", 200, "application/json", "{\"name\":\"x\",\"kind\":\"c\"}",
                Map.of())).size());
        assertEquals(1, api.check(get("/things/1", 406, "application/problem+json", "{}", Map.of())).size());
        List<String> header = api.check(get("/things/1", 200, "application/json", "{\"name\":\"x\"}",
                Map.of("Location", List.of("/things/1"))));
        assertEquals(1, header.size(), header.toString());
        assertTrue(header.get(0).contains("Location"), header.get(0));
    }

    @Test
    void aBodyTheDocumentGivesNoContentAndAnAcceptedUndocumentedQueryParameterAreProblems() {
        PublishedOpenApi api = PublishedOpenApi.of("test", DOCUMENT);
        Exchange post = new Exchange("POST", URI.create("http://localhost/things"), Map.of(), "{}", 202,
                Map.of("Content-Type", List.of("application/json")), "{\"id\":\"1\"}");
        List<String> problems = api.check(post);
        assertTrue(problems.stream().anyMatch(p -> p.contains("names no content")), problems.toString());
        assertEquals(1, api.check(get("/things?sort=name", 200, "application/json", "[]", Map.of())).size());
        // A rejected request is meant to be wrong: only its answer is checked.
        assertEquals(List.of(), api.check(get("/things/1?sort=name", 404, "application/problem+json", "{}",
                Map.of())));
    }

    @Test
    void coverageNamesTheOperationsNeverCalled() {
        PublishedOpenApi api = PublishedOpenApi.of("test", DOCUMENT);
        assertEquals(Set.of("GET /things", "GET /things/{id}", "POST /things"), api.documentedOperations());
        api.check(get("/things/7", 404, "application/problem+json", "{}", Map.of()));
        assertEquals(Set.of("GET /things", "POST /things"), api.unexercised());
        assertEquals(Set.of(404), api.exercised().get("GET /things/{id}"));
        assertTrue(api.unexercisedStatuses().contains("GET /things/{id} 200"));
        AssertionError failure = assertThrows(AssertionError.class, () -> api.assertTruthful(Set.of("POST /things")));
        assertTrue(failure.getMessage().contains("GET /things: documented but never called"), failure.getMessage());
    }
}
