package org.counterpart.metrics.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.consumer.junit5.ProviderType;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.counterpart.metrics.message.FactMessage;
import org.counterpart.metrics.message.FactsEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What metrics-service needs of the messages on the facts topic, as a consumer-driven contract with facts-service:
 * the fields the totals are computed from, each with the shape and the codes the reader accepts. Written to
 * contracts/pacts; facts-service's build verifies the messages it really publishes against it.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "facts-service", providerType = ProviderType.ASYNCH, pactVersion = PactSpecVersion.V3)
class FactsEventsContractTest {

    // Fixed examples keep the written pact the same from build to build; the matchers say what may vary.
    private static final String EVENT_ID = "3f2b8c1e-4d5a-4f6b-9c7d-8e9f0a1b2c3d";
    private static final String REPORT_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String FACT_ID = "0f1e2d3c-4b5a-4968-8776-655443322110";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";
    private static final String METRIC = "funds_cny|projects|workers_transferred|investment_cny|consumption_cny"
            + "|people_trained|personnel_exchanged|enterprises_introduced|agreements|people_lifted|people_benefited"
            + "|villages_benefited|exchange_visits";
    private static final String REGION_LEVEL = "province|prefecture|county";

    private final FactsEventReader reader = new FactsEventReader(new ObjectMapper().findAndRegisterModules());

    @Pact(consumer = "metrics-service")
    MessagePact aRegionToRegionFact(MessagePactBuilder builder) {
        // The report's publication date: the headline figures tell how recent their newest report is.
        PactDslJsonBody fact = header(new PactDslJsonBody(), "FactsReplaced")
                .date("publishedAt", "yyyy-MM-dd", date("2022-03-15"))
                .minArrayLike("facts", 1);
        common(fact, FACT_ID, "funds_cny", 120000000, "CNY");
        fact.stringMatcher("basis", "period", "period")
                .date("periodStart", "yyyy-MM-dd", date("2021-01-01"))
                .date("periodEnd", "yyyy-MM-dd", date("2021-12-31"));
        region(fact.object("donor"), "Xiamen", "350200", "prefecture").closeObject();
        region(fact.object("recipient"), "Linxia", "622900", "prefecture").closeObject();
        evidence(fact);
        return builder.expectsToReceive("the facts of a report, one region giving to another over a year")
                .withContent(fact.closeObject().closeArray()).toPact();
    }

    @Pact(consumer = "metrics-service")
    MessagePact aGroupWithAPart(MessagePactBuilder builder) {
        PactDslJsonBody body = header(new PactDslJsonBody(), "FactsReplaced");
        PactDslJsonBody facts = body.minArrayLike("facts", 1);
        common(facts, FACT_ID, "personnel_exchanged", 837, "people");
        facts.stringMatcher("basis", "cumulative|period|plan", "cumulative")
                .date("asOf", "yyyy-MM-dd", date("2020-12-31"));
        PactDslJsonBody donor = facts.object("donor")
                .stringType("name", "Shanghai and Guangdong")
                .stringValue("level", "group");
        region(donor.minArrayLike("members", 2), "Shanghai", "310000", "province").closeObject().closeArray();
        donor.closeObject();
        region(facts.object("recipient"), "Yunnan", "530000", "province").closeObject();
        evidence(facts);
        return builder.expectsToReceive("the facts of a report, a group of donors with a figure as of a date")
                .withContent(facts.closeObject().closeArray()).toPact();
    }

    @Pact(consumer = "metrics-service")
    MessagePact aRetraction(MessagePactBuilder builder) {
        PactDslJsonBody body = header(new PactDslJsonBody(), "FactsRetracted");
        body.array("facts").closeArray();
        return builder.expectsToReceive("a report's facts retracted").withContent(body).toPact();
    }

    @Test
    @PactTestFor(pactMethod = "aRegionToRegionFact")
    void readsAFactBetweenTwoRegions(List<Message> messages) {
        FactsEvent event = read(messages.get(0));
        assertEquals(FactsEvent.REPLACED, event.type());
        assertEquals(LocalDate.of(2022, 3, 15), event.publishedAt());
        FactMessage fact = event.currentFacts().get(0);
        assertEquals(new BigDecimal("120000000"), fact.value());
        assertEquals(LocalDate.of(2021, 12, 31), fact.periodEnd());
        assertEquals("350200", fact.donor().code());
        assertFalse(fact.donor().isGroup());
        assertEquals(10, fact.evidence().start());
    }

    @Test
    @PactTestFor(pactMethod = "aGroupWithAPart")
    void readsAGroupAndItsMembers(List<Message> messages) {
        FactMessage fact = read(messages.get(0)).currentFacts().get(0);
        assertTrue(fact.donor().isGroup());
        assertEquals("Shanghai", fact.donor().membersOrNone().get(0).name());
        assertEquals(LocalDate.of(2020, 12, 31), fact.asOf());
    }

    @Test
    @PactTestFor(pactMethod = "aRetraction")
    void readsARetraction(List<Message> messages) {
        FactsEvent event = read(messages.get(0));
        assertEquals(FactsEvent.RETRACTED, event.type());
        assertTrue(event.currentFacts().isEmpty());
    }

    private FactsEvent read(Message message) {
        return reader.read(REPORT_ID, message.contentsAsString());
    }

    private static PactDslJsonBody header(PactDslJsonBody body, String type) {
        return body.stringMatcher("eventId", UUID, EVENT_ID)
                .stringValue("type", type)
                .stringMatcher("reportId", UUID, REPORT_ID)
                .integerType("revision", 7)
                .stringMatcher("occurredAt", INSTANT, "2026-11-30T08:00:00.123456Z");
    }

    private static void common(PactDslJsonBody fact, String id, String metric, long value, String unit) {
        fact.stringMatcher("id", UUID, id)
                .stringMatcher("reportId", UUID, REPORT_ID)
                .stringMatcher("metric", METRIC, metric)
                .numberType("value", value)
                .stringType("unit", unit)
                .stringMatcher("qualifier", "exact|approximate|at_least", "exact")
                .stringMatcher("confidence", "high|medium|low", "high");
    }

    private static PactDslJsonBody region(PactDslJsonBody party, String name, String code, String level) {
        return party.stringType("name", name)
                .stringMatcher("code", "\\d{6}", code)
                .stringMatcher("level", REGION_LEVEL, level);
    }

    private static void evidence(PactDslJsonBody fact) {
        fact.object("evidence")
                .stringType("sentence", "In 2021 Xiamen gave 120 million yuan to Linxia.")
                .integerType("start", 10)
                .integerType("end", 58)
                .closeObject();
    }

    private static Date date(String isoDate) {
        return Date.from(Instant.parse(isoDate + "T12:00:00Z"));
    }
}
