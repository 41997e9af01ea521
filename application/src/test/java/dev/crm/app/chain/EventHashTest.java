package dev.crm.app.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventHashTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static EventHash.Stored event(String payload, String metadata) {
        return new EventHash.Stored("42", 3, "Memo", "e-1", "dev.crm.shared.memo.MemoChanged", null,
                "2026-12-01T10:00:00.123Z", utf8(payload), utf8(metadata));
    }

    @Test
    void theCanonicalFormSortsKeysRecursivelyAndDropsWhiteSpace() {
        assertThat(new String(CanonicalJson.canonical(utf8("{ \"b\": [ {\"y\":1, \"x\": \"ä\\n\"} ], \"a\" : null }")),
                StandardCharsets.UTF_8)).isEqualTo("{\"a\":null,\"b\":[{\"x\":\"ä\\n\",\"y\":1}]}");
    }

    @Test
    void numbersKeepTheirValueAsWritten() {
        assertThat(new String(CanonicalJson.canonical(utf8("[12345678901234567890123, 2.50, -0.1, 1e3, 1000.0, 1000, 0.00, true]")),
                StandardCharsets.UTF_8)).isEqualTo("[12345678901234567890123,2.5,-0.1,1E+3,1E+3,1000,0,true]");
    }

    @Test
    void bytesThatAreNotJsonAreTheirOwnCanonicalForm() {
        assertThat(CanonicalJson.canonical(utf8("{\"a\":1} trailing"))).isEqualTo(utf8("{\"a\":1} trailing"));
        assertThat(CanonicalJson.canonical(utf8("{\"a\":1,\"a\":2}"))).isEqualTo(utf8("{\"a\":1,\"a\":2}"));
        assertThat(CanonicalJson.canonical(null)).isNull();
    }

    @Test
    void theSameJsonWithReorderedKeysHasTheSameHash() {
        String one = EventHash.of(EventHash.GENESIS, event("{\"title\":\"A\",\"changes\":[{\"field\":\"t\",\"to\":1}]}",
                "{\"username\":\"ann\",\"traceId\":\"x\"}"));
        String other = EventHash.of(EventHash.GENESIS, event(" {\"changes\" : [ {\"to\":1,\"field\":\"t\"} ] ,\n \"title\":\"A\"}",
                "{\"traceId\":\"x\",\"username\":\"ann\"}"));
        assertThat(one).isEqualTo(other).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anyChangedValueChangesTheHash() {
        EventHash.Stored base = event("{\"title\":\"A\",\"n\":1}", "{\"username\":\"ann\"}");
        String hash = EventHash.of(EventHash.GENESIS, base);
        assertThat(EventHash.of(EventHash.GENESIS, event("{\"title\":\"B\",\"n\":1}", "{\"username\":\"ann\"}"))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, event("{\"title\":\"A\",\"n\":2}", "{\"username\":\"ann\"}"))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, event("{\"title\":\"A\",\"n\":\"1\"}", "{\"username\":\"ann\"}"))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, event("{\"title\":\"A\",\"n\":1}", "{\"username\":\"bob\"}"))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, withTimestamp(base, "2026-12-01T10:00:00.124Z"))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, new EventHash.Stored("42", 3, "Task", "e-1", base.payloadType(), null,
                base.timestamp(), base.payload(), base.metadata()))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, new EventHash.Stored("42", 4, "Memo", "e-1", base.payloadType(), null,
                base.timestamp(), base.payload(), base.metadata()))).isNotEqualTo(hash);
        assertThat(EventHash.of(EventHash.GENESIS, new EventHash.Stored("42", 3, "Memo", "e-1", base.payloadType(), "2",
                base.timestamp(), base.payload(), base.metadata()))).isNotEqualTo(hash);
        assertThat(EventHash.of("1".repeat(64), base)).isNotEqualTo(hash);
    }

    @Test
    void fieldsAreDelimitedSoThatMovingTextBetweenThemChangesTheHash() {
        EventHash.Stored a = new EventHash.Stored("4", 2, "Memo", "e", "p", null, "t", utf8("{}"), utf8("{}"));
        EventHash.Stored b = new EventHash.Stored("42", 2, "emo", "e", "p", null, "t", utf8("{}"), utf8("{}"));
        assertThat(EventHash.of(EventHash.GENESIS, a)).isNotEqualTo(EventHash.of(EventHash.GENESIS, b));
        EventHash.Stored nullRevision = new EventHash.Stored("4", 2, "Memo", "e", "p", null, "t", utf8("{}"), utf8("{}"));
        EventHash.Stored emptyRevision = new EventHash.Stored("4", 2, "Memo", "e", "p", "", "t", utf8("{}"), utf8("{}"));
        assertThat(EventHash.of(EventHash.GENESIS, nullRevision)).isNotEqualTo(EventHash.of(EventHash.GENESIS, emptyRevision));
    }

    private static EventHash.Stored withTimestamp(EventHash.Stored e, String timestamp) {
        return new EventHash.Stored(e.aggregateIdentifier(), e.sequenceNumber(), e.type(), e.eventIdentifier(),
                e.payloadType(), e.payloadRevision(), timestamp, e.payload(), e.metadata());
    }
}
