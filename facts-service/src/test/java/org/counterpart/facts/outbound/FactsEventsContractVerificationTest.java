package org.counterpart.facts.outbound;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junit5.MessageTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.counterpart.contract.RecordingOutbox;
import org.counterpart.facts.ledger.Extraction;
import org.counterpart.facts.ledger.Fact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The messages facts-service publishes on the facts topic, built by its own announcer (FactEvents, FactDocument)
 * and outbox serialisation from stored facts, verified against every consumer's pact in contracts/pacts
 * (metrics-service's today).
 */
@Provider("facts-service")
@PactFolder("../contracts/pacts")
class FactsEventsContractVerificationTest {

    private static final URI SOURCE = URI.create("/facts-service");
    private static final URI SCHEMA = URI.create("http://localhost:8082/schemas/facts-event.schema.json");
    private static final String TYPE_PREFIX = "org.counterpart.facts.";
    private static final String SENTENCE = "By the end of 2020, Jiaxing and Wenzhou had sent 415 officials to Sichuan, "
            + "and Jiaxing alone gave 63 million yuan to one county in 2021.";

    private final UUID reportId = UUID.randomUUID();

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursTheConsumersPact(PactVerificationContext context) {
        context.verifyInteraction();
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        // Scanning only this package: the default scans the whole class path for each interaction.
        context.setTarget(new MessageTestTarget(List.of(getClass().getPackageName())));
    }

    @PactVerifyProvider("the facts of a report, one region giving to another over a year")
    MessageAndMetadata aRegionToRegionFact() {
        Fact fact = fact("funds_cny", "63 million yuan", "63000000", "CNY");
        fact.basis = "period";
        fact.periodStart = LocalDate.of(2021, 1, 1);
        fact.periodEnd = LocalDate.of(2021, 12, 31);
        fact.donorName = "Jiaxing";
        fact.donorCode = "330400";
        fact.donorLevel = "prefecture";
        fact.recipientName = "Muli";
        fact.recipientCode = "513422";
        fact.recipientLevel = "county";
        return published(events -> events.replaced(extraction(), LocalDate.of(2022, 3, 15), List.of(fact)));
    }

    @PactVerifyProvider("the facts of a report, a group of donors with a figure as of a date")
    MessageAndMetadata aGroupWithAFigureAsOfADate() {
        Fact fact = fact("personnel_exchanged", "415 officials", "415", "people");
        fact.basis = "cumulative";
        fact.asOf = LocalDate.of(2020, 12, 31);
        fact.donorName = "Jiaxing and Wenzhou";
        fact.donorLevel = "group";
        fact.donorMembers = "[{\"name\":\"Jiaxing\",\"code\":\"330400\",\"level\":\"prefecture\"},"
                + "{\"name\":\"Wenzhou\",\"code\":\"330300\",\"level\":\"prefecture\"}]";
        fact.recipientName = "Sichuan";
        fact.recipientCode = "510000";
        fact.recipientLevel = "province";
        return published(events -> events.replaced(extraction(), null, List.of(fact)));
    }

    @PactVerifyProvider("a report's facts retracted")
    MessageAndMetadata aRetraction() {
        return published(events -> events.retracted(extraction()));
    }

    private Extraction extraction() {
        Extraction extraction = new Extraction();
        extraction.reportId = reportId;
        extraction.revision = 12;
        extraction.extractorVersion = "contract-1";
        return extraction;
    }

    private Fact fact(String metric, String asWritten, String value, String unit) {
        Fact fact = new Fact();
        fact.id = UUID.randomUUID();
        fact.reportId = reportId;
        fact.metric = metric;
        fact.value = new BigDecimal(value).setScale(4);
        fact.unit = unit;
        fact.asWritten = asWritten;
        fact.qualifier = "exact";
        fact.evidenceSentence = SENTENCE;
        fact.evidenceStart = 0;
        fact.evidenceEnd = SENTENCE.length();
        fact.evidenceFigureStart = SENTENCE.indexOf(asWritten);
        fact.evidenceFigureEnd = fact.evidenceFigureStart + asWritten.length();
        fact.confidence = "high";
        fact.reasons = "[]";
        fact.extractorVersion = "contract-1";
        return fact;
    }

    private static MessageAndMetadata published(Consumer<FactEvents> announce) {
        RecordingOutbox outbox = new RecordingOutbox();
        announce.accept(new FactEvents(RecordingOutbox.JSON, outbox));
        ProducerRecord<String, byte[]> record = outbox.lastPublished(TYPE_PREFIX, SOURCE, SCHEMA);
        return new MessageAndMetadata(record.value(), RecordingOutbox.metadata(record));
    }
}
