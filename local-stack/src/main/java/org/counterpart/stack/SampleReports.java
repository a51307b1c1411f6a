package org.counterpart.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts the sample reports shipped with the stack (written for Counterpart, modelled on real reports) through the
 * ingest API, as a user would. Posting them again on a restart is harmless: ingest answers "duplicate".
 */
final class SampleReports {

    /** File name, publication date, language. */
    record Sample(String file, String publishedAt, String language, String title) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("shenzhen-baise-2019.txt", "2019-12-20", "en", "Shenzhen and Baise review four years of pairing"),
            new Sample("fujian-ningxia-2020.txt", "2020-09-15", "en", "Fujian-Ningxia collaboration marks a milestone"),
            new Sample("suzhou-tongren-2018.txt", "2018-11-30", "en", "Suzhou's assistance to Tongren in 2018"),
            new Sample("ningbo-qianxinan-zh.txt", "2020-07-10", "zh", "宁波—黔西南东西部协作这五年"),
            new Sample("hangzhou-qiandongnan-zh.txt", "2019-12-28", "zh", "杭州市对口帮扶黔东南州2019年工作"),
            new Sample("delegation-visit.txt", "2019-06-05", "en", "Delegation visit strengthens ties"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ingestUrl;
    private final StackAccess access;

    SampleReports(String ingestUrl, StackAccess access) {
        this.ingestUrl = ingestUrl;
        this.access = access;
    }

    int load() throws IOException, InterruptedException {
        int posted = 0;
        for (Sample sample : SAMPLES) {
            ObjectNode body = JSON.createObjectNode()
                    .put("text", read(sample.file()))
                    .put("title", sample.title())
                    .put("language", sample.language())
                    .put("publishedAt", sample.publishedAt())
                    .put("sourceUrl", "sample:" + sample.file());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(ingestUrl + "/reports"));
            access.authorize(builder);
            HttpRequest request = builder
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("Sample " + sample.file() + " refused: " + response.statusCode() + " "
                        + response.body());
            }
            posted++;
        }
        return posted;
    }

    static String read(String file) throws IOException {
        try (InputStream in = SampleReports.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                throw new IOException("sample " + file + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
