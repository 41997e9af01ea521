package dev.crm.web.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.crm.app.object.ObjectAccess;
import dev.crm.query.history.HistoryEntry;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.shared.deal.DealKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The titles a history page may print for the objects its changes refer to: visible ones only, looked up once. */
class HistoryReferencesTest {

    final ObjectAccess access = mock(ObjectAccess.class);
    final HistoryReferences references = new HistoryReferences(access);
    final Actor manager = Actor.of("m", Role.MANAGER);

    @Test
    void titlesTheReferencesTheReaderMaySeeAndLeavesTheOthersOut() {
        when(access.findVisible(eq(3L), eq(manager))).thenReturn(Optional.of(summary(3, "Offer")));
        when(access.findVisible(eq(4L), eq(manager))).thenReturn(Optional.of(summary(4, "Negotiation")));
        when(access.findVisible(eq(21L), eq(manager))).thenReturn(Optional.empty());
        List<HistoryEntry> entries = List.of(
                entry(new FieldChange("stage", "3", "4"), new FieldChange("contact", null, "21"),
                        new FieldChange("name", "12", "13")),
                entry(new FieldChange("stage", "4", "3")));

        Map<String, String> titles = references.titles(entries, DealKind.KIND, manager);

        assertThat(titles).containsExactlyInAnyOrderEntriesOf(Map.of("3", "Offer", "4", "Negotiation"));
        verify(access, times(1)).findVisible(eq(3L), eq(manager)); // each object once
        verify(access, never()).findVisible(eq(12L), eq(manager)); // a name is not a reference
    }

    @Test
    void looksUpAtMostTheLimitPerPageAndNothingWithoutAKind() {
        when(access.findVisible(anyLong(), eq(manager))).thenReturn(Optional.empty());
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < HistoryReferences.LIMIT + 50; i++) {
            entries.add(entry(new FieldChange("company", null, Integer.toString(1000 + i))));
        }
        references.titles(entries, DealKind.KIND, manager);
        verify(access, times(HistoryReferences.LIMIT)).findVisible(anyLong(), eq(manager));

        assertThat(references.titles(entries, null, manager)).isEmpty();
    }

    private static HistoryEntry entry(FieldChange... changes) {
        return new HistoryEntry(1, Instant.EPOCH, "m", "DealChanged", List.of(changes), null, null, null);
    }

    private static ObjectSummary summary(long id, String title) {
        return new ObjectSummary(id, "stage", title, null, false, 1, Instant.EPOCH, Instant.EPOCH, null, null);
    }
}
