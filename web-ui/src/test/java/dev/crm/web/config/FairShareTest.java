package dev.crm.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairShareTest {

    @Test
    void aShareIsTheSegmentsDividedByTheLiveInstancesRoundedUp() {
        assertThat(FairShare.of(2, 1)).isEqualTo(2);
        assertThat(FairShare.of(2, 2)).isEqualTo(1);
        assertThat(FairShare.of(2, 3)).isEqualTo(1);
        assertThat(FairShare.of(3, 2)).isEqualTo(2);
        assertThat(FairShare.of(4, 3)).isEqualTo(2);
        assertThat(FairShare.of(8, 3)).isEqualTo(3);
        assertThat(FairShare.of(1, 5)).isEqualTo(1);
    }

    @Test
    void aloneOrWithoutACountAnInstanceKeepsEverySegment() {
        assertThat(FairShare.of(4, 0)).isEqualTo(4);
        assertThat(FairShare.of(4, -1)).isEqualTo(4);
        assertThat(FairShare.toRelease(Set.of(0, 1, 2, 3), 4, 1)).isEmpty();
        assertThat(FairShare.of(0, 2)).isZero();
    }

    @Test
    void theSegmentsAboveTheShareAreReleasedHighestFirst() {
        assertThat(FairShare.toRelease(Set.of(1, 0), 2, 2)).containsExactly(1);
        assertThat(FairShare.toRelease(Set.of(3, 0, 2, 1), 4, 2)).containsExactly(2, 3);
        assertThat(FairShare.toRelease(Set.of(0, 1, 2), 3, 2)).containsExactly(2);
        assertThat(FairShare.toRelease(List.of(5, 1), 8, 3)).isEmpty();
        // more instances than segments: one each, the rest wait for one to die
        assertThat(FairShare.toRelease(Set.of(0, 1), 2, 3)).containsExactly(1);
    }

    @Test
    void anInstanceAtOrBelowItsShareReleasesNothing() {
        assertThat(FairShare.toRelease(Set.of(0), 2, 2)).isEmpty();
        assertThat(FairShare.toRelease(Set.of(), 2, 2)).isEmpty();
        assertThat(FairShare.toRelease(Set.of(0, 2), 3, 2)).isEmpty();
    }
}
